import { expect, it } from 'vitest';
import { createTestUser } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { bundledExamples } from './examples.ts';
import { seedDemoData } from './seed.ts';

describeEachDatabase('the demo data', (database) => {
  it('publishes every bundled example as version 1 under its id, in surveys by survey id', async () => {
    const { db } = database();
    const admin = await createTestUser(db, 'admin');
    const seeded = await seedDemoData(db, admin);
    const names = bundledExamples().map(({ name }) => name);
    expect(seeded?.map(({ slug, version }) => [slug, version])).toEqual(names.map((name) => [name, 1]));
    expect(seeded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ slug: 'census-household', surveyRef: 'census', openAccess: false }),
        expect.objectContaining({ slug: 'business-survey', surveyRef: '009', openAccess: false }),
        // It needs no launch data, so respondents can start from its open link.
        expect.objectContaining({ slug: 'social-survey', surveyRef: 'demo', openAccess: true }),
      ]),
    );
    const surveys = await db('surveys').orderBy('survey_ref').select('survey_ref', 'name', 'created_by');
    expect(surveys).toEqual([
      { survey_ref: '009', name: 'Monthly Business Survey', created_by: admin.id },
      { survey_ref: 'census', name: 'Census household questionnaire', created_by: admin.id },
      { survey_ref: 'demo', name: 'Demonstration questionnaires', created_by: admin.id },
    ]);
    const versions = await db('published_versions')
      .orderBy('slug')
      .select('slug', 'version', 'published_by', 'preview');
    expect(versions).toEqual(names.map((slug) => ({ slug, version: 1, published_by: admin.id, preview: false })));
  });

  it('does nothing once the database has a survey', async () => {
    const { db } = database();
    const counts = async () =>
      Promise.all(
        ['surveys', 'questionnaires', 'published_versions', 'audit_events'].map((t) => db(t).count('* as n')),
      );
    const before = await counts();
    expect(await seedDemoData(db)).toBeUndefined();
    expect(await counts()).toEqual(before);
  });
});

describeEachDatabase('demo data that fails part way', (database) => {
  it('leaves nothing behind, so the next start seeds again', async () => {
    const { db } = database();
    const [good] = bundledExamples();
    if (!good) throw new Error('no examples');
    const broken = { name: 'broken', definition: { ...good.definition, id: 'broken', sections: 'none' } };
    await expect(seedDemoData(db, undefined, [good, broken])).rejects.toMatchObject({ status: 422 });
    expect(await db('surveys').count('* as n')).toEqual([{ n: 0 }]);
    expect(await db('published_versions').count('* as n')).toEqual([{ n: 0 }]);
    expect(await seedDemoData(db)).toHaveLength(bundledExamples().length);
  });
});
