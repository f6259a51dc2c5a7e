import express, { type RequestHandler } from 'express';

/**
 * Form posts only, with limits: a questionnaire page never needs more than a few kilobytes, so
 * anything bigger is refused (413) before it is parsed. `extended: false` keeps repeated fields
 * (checkboxes) as arrays without nested-object parsing.
 */
export function formBodies(): RequestHandler {
  return express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 500 });
}
