export * from './compile.ts';
export * from './dates.ts';
export * from './evaluate.ts';
export * from './location.ts';
export * from './state.ts';
export * from './translate.ts';
export * from './values.ts';
