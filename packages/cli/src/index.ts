export { type Io, nodeIo } from './io.ts';
export { main, USAGE } from './main.ts';
export { type FileReport, formatReport, validate } from './validate.ts';
