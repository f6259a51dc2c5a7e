import { answerNotYetCollected } from './collection-order.ts';
import { exclusiveChoices } from './exclusive.ts';
import { duplicateIds, duplicateMetadata, duplicateOptions, reservedIds } from './ids.ts';
import { itemScope } from './item-scope.ts';
import { impossibleLimits } from './limits.ts';
import { listLayout } from './lists.ts';
import { invalidPatterns } from './patterns.ts';
import { placeholderDefinitions } from './placeholders.ts';
import type { Check } from './problem.ts';
import { questionShape } from './question-shape.ts';
import { unreachablePages } from './reachability.ts';
import { unknownExpressionReferences, unknownStructureReferences } from './references.ts';
import { routingTargets } from './routing.ts';
import { sumAnswers } from './sums.ts';
import { translations } from './translations.ts';
import { typeMismatch } from './type-mismatch.ts';
import { unknownOptions } from './unknown-option.ts';
import { variantAnswersMismatch } from './variants.ts';

/** Every semantic check, run once the questionnaire matches the schema. */
export const CHECKS: readonly Check[] = [
  duplicateIds,
  reservedIds,
  variantAnswersMismatch,
  duplicateOptions,
  duplicateMetadata,
  unknownExpressionReferences,
  unknownStructureReferences,
  placeholderDefinitions,
  routingTargets,
  unreachablePages,
  typeMismatch,
  unknownOptions,
  answerNotYetCollected,
  itemScope,
  questionShape,
  listLayout,
  exclusiveChoices,
  sumAnswers,
  invalidPatterns,
  impossibleLimits,
  translations,
];
