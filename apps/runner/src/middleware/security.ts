import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { fixedHeaders, type HeaderList } from './fixed-headers.ts';

/**
 * Security headers with a strict Content-Security-Policy: scripts, styles, fonts and images only
 * from this origin, no inline script, forms only post here, never framed. Helmet's headers do
 * not depend on the request with this configuration (no CSP nonces): they are worked out once,
 * and every response gets the same set (fixed-headers.ts).
 */
export function security(options: { production: boolean }): RequestHandler {
  const setHeaders = fixedHeaders(
    headersOf(
      helmet({
        contentSecurityPolicy: {
          useDefaults: false,
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            styleSrc: ["'self'"],
            imgSrc: ["'self'", 'data:'],
            fontSrc: ["'self'"],
            connectSrc: ["'self'"],
            formAction: ["'self'"],
            frameAncestors: ["'none'"],
            baseUri: ["'none'"],
            objectSrc: ["'none'"],
            ...(options.production ? { upgradeInsecureRequests: [] } : {}),
          },
        },
        strictTransportSecurity: options.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
        referrerPolicy: { policy: 'same-origin' },
      }),
    ),
  );
  return (_req, res, next) => {
    setHeaders(res);
    next();
  };
}

/** The headers a middleware sets on a response (it must set them at once, whatever the request). */
function headersOf(middleware: RequestHandler): HeaderList {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  middleware({} as Request, recorder as unknown as Response, (error?: unknown) => {
    if (error) throw error;
  });
  return [...headers];
}
