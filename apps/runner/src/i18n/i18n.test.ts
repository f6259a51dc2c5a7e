import { describe, expect, it } from 'vitest';
import type { Entry } from './catalogue.ts';
import { cy } from './cy.ts';
import { en } from './en.ts';
import { languageName, t } from './index.ts';

function strings(entry: Entry): string[] {
  return typeof entry === 'string' ? [entry] : Object.values(entry);
}

function placeholders(entry: Entry): string[] {
  const names = strings(entry).flatMap((s) => [...s.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1] ?? ''));
  return [...new Set(names)].sort();
}

describe('interface catalogues', () => {
  it('have exactly the same keys in English and Welsh', () => {
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty strings', () => {
    for (const catalogue of [en, cy]) {
      for (const [key, entry] of Object.entries(catalogue)) {
        for (const text of strings(entry)) expect(text.trim(), key).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, entry] of Object.entries(en)) {
      const welsh = Object.hasOwn(cy, key) ? cy[key as keyof typeof cy] : '';
      expect(placeholders(welsh), key).toEqual(placeholders(entry));
    }
  });

  it('give every plural entry an `other` form', () => {
    for (const catalogue of [en, cy]) {
      for (const [key, entry] of Object.entries(catalogue)) {
        if (typeof entry !== 'string') expect(entry.other, key).toBeTruthy();
      }
    }
  });
});

describe('t', () => {
  it('gives the button text in each language', () => {
    expect(t('en', 'saveAndContinue')).toBe('Save and continue');
    expect(t('cy', 'saveAndContinue')).toBe('Cadw a pharhau');
    expect(t('cy', 'previous')).toBe('Blaenorol');
    expect(t('cy', 'change')).toBe('Newid');
    expect(t('cy', 'remove')).toBe('Dileu');
  });

  it('chooses the English plural form by count', () => {
    expect(t('en', 'errorSummaryTitle', { count: 1 })).toBe('There is a problem with your answer');
    expect(t('en', 'errorSummaryTitle', { count: 2 })).toBe('There are 2 problems with your answers');
  });

  it('chooses among the six Welsh plural forms, with the mutation each number calls for', () => {
    expect(t('cy', 'errorSummaryTitle', { count: 1 })).toBe('Mae problem gyda’ch ateb');
    expect(t('cy', 'errorSummaryTitle', { count: 2 })).toBe('Mae 2 broblem gyda’ch atebion');
    expect(t('cy', 'errorSummaryTitle', { count: 3 })).toBe('Mae 3 problem gyda’ch atebion');
    expect(t('cy', 'errorSummaryTitle', { count: 6 })).toBe('Mae 6 phroblem gyda’ch atebion');
    expect(t('cy', 'errorSummaryTitle', { count: 7 })).toBe('Mae 7 problem gyda’ch atebion');
  });

  it('fills the placeholders it is given and leaves the others for the ONS scripts', () => {
    expect(t('en', 'removeItem', { name: 'Siân Evans' })).toBe('Remove Siân Evans');
    expect(t('en', 'charsRemaining')).toBe('You have {x} characters remaining');
  });

  it('does not expand placeholders inside the values it fills in', () => {
    expect(t('en', 'removeItem', { name: '{count}' })).toBe('Remove {count}');
  });

  it('falls back to English for a language it has no text for', () => {
    expect(t('fr', 'saveAndContinue')).toBe('Save and continue');
    expect(t('__proto__', 'saveAndContinue')).toBe('Save and continue');
  });

  it('names each language in that language', () => {
    expect(languageName('en')).toBe('English');
    expect(languageName('cy')).toBe('Cymraeg');
  });
});
