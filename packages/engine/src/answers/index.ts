export { answerFields, formValues } from './fields.ts';
export type { FormInput } from './form.ts';
export { answerMessage, type Catalogue, defaultMessage, type MessageArgs, type MessageDetail } from './messages.ts';
export { type FieldError, type ParseResult, parseAnswer } from './parse.ts';
export { normalisePostcode } from './parse-text.ts';
export { type AnswerError, type QuestionValidation, type ValidationContext, validateQuestion } from './validate.ts';
