export {
  MAX_METADATA_LENGTH,
  type MetadataProblem,
  type MetadataValidation,
  type MetadataValue,
  validateMetadata,
} from './validate-metadata.ts';
