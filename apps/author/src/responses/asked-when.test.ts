import { compile } from '@eq/engine';
import { describe, expect, it } from 'vitest';
import { exampleQuestionnaire } from '../submissions/testing.ts';
import { askedWhen } from './asked-when.ts';

describe('askedWhen', () => {
  const census = askedWhen(compile(exampleQuestionnaire('census-household')));
  const business = askedWhen(compile(exampleQuestionnaire('business-survey')));

  it('gives the routing rule that leads to a page', () => {
    expect(census.get('landlord')).toBe('when answer \'tenure\' is one of ["shared-ownership","rents","rent-free"]');
    expect(business.get('export-value')).toBe('when answer \'exports\' == "yes"');
  });

  it('says always where branches join again', () => {
    expect(census.get('cars')).toBe('always');
    expect(census.get('religion')).toBe('always');
  });

  it('gives one branch without the rules it fell past when they test the same answer', () => {
    expect(census.get('ethnic-background-asian')).toBe('when answer \'ethnic-group\' == "asian"');
  });

  it('negates skip conditions and carries conditions every route passes through', () => {
    expect(census.get('relationships')).toBe("when not (number of items in 'people' < 2)");
    expect(census.get('hours-worked')).toBe(
      "when not (age from answer 'date-of-birth' < 16) and answer 'employment-status' includes any of " +
        '["employee","self-employed","temporarily-away","parental-leave","other-paid"]',
    );
    expect(business.get('employee-breakdown')).toBe("when answer 'total-employees' != 0");
  });

  it('asks a list collector’s item page where it asks the collector', () => {
    expect(census.get('person-name')).toBe(census.get('people-list'));
  });
});
