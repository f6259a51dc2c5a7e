export { type BuildSummaryOptions, buildSummary } from './build-summary.ts';
export { type CalculatedSummary, calculatedSummary } from './calculated.ts';
export type { SummaryOptions } from './context.ts';
export type {
  CalculatedGroup,
  ListGroup,
  QuestionGroup,
  SummaryAnswer,
  SummaryGroup,
  SummaryListItem,
  SummarySection,
} from './model.ts';
