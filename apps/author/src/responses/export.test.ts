import { randomUUID } from 'node:crypto';
import type { Submission, SubmittedAnswer } from '@eq/schema';
import { beforeAll, expect, it } from 'vitest';
import {
  exampleQuestionnaire,
  type SeededVersion,
  type SimulatedSubmissionOptions,
  seedPublishedVersion,
  simulatedSubmission,
} from '../submissions/testing.ts';
import { bearer, createTestUser, type TestUser, testApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { csvRecords, deliver } from './testing.ts';

const census = exampleQuestionnaire('census-household');
const business = exampleQuestionnaire('business-survey');

/** Households of one to four, with a child under 16 in the second, submitted a minute apart. */
const households: Submission[] = (
  [
    { people: 1, seed: 21 },
    { people: 2, seed: 22, script: { items: { people: [{}, { 'date-of-birth': '2015-03-02' }] } } },
    { people: 3, seed: 23 },
    { people: 4, seed: 24 },
    { people: 3, seed: 25, script: { items: { people: [{ 'first-name': '=HYPERLINK("http://evil.test")' }] } } },
  ] as SimulatedSubmissionOptions[]
).map((options, i) =>
  simulatedSubmission(census, {
    ...options,
    respondentRef: i === 2 ? '@risky-ref' : `HH-${i}`,
    submittedAt: `2025-06-01T10:0${i}:00.000Z`,
  }),
);

/** What the export promises of a value: text guarded against formulas, checkboxes joined with `;`. */
function expectedCell(value: SubmittedAnswer['value'] | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

describeEachDatabase('exports of census responses', (database) => {
  const app = () => testApp(database().db);
  let seeded: SeededVersion;
  let viewer: TestUser;
  const download = async (format: string, query = '') =>
    app()
      .request()
      .get(`/api/v1/questionnaires/${seeded.questionnaireId}/responses/export?format=${format}${query}`)
      .set(bearer(viewer))
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => done(null, body));
      })
      .expect(200);

  beforeAll(async () => {
    seeded = await seedPublishedVersion(database().db, census);
    viewer = await createTestUser(database().db, 'viewer');
    await deliver(app().request, households);
  });

  it('writes a row per household, newest first, with every answer asked once in its data code’s column', async () => {
    const response = await download('csv');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="census-household-responses.csv"');
    expect(response.body.startsWith('\ufeff')).toBe(true);
    const { header, records } = csvRecords(response.body);
    const codes = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'];
    expect(header).toEqual([
      'submission_id',
      'response_id',
      'version',
      'submitted_at',
      'test',
      'respondent_ref',
      'metadata.address',
      ...codes,
    ]);
    expect(records.map((r) => r.submission_id)).toEqual(households.map((h) => h.submissionId).reverse());
    for (const household of households) {
      const record = records.find((r) => r.submission_id === household.submissionId);
      expect(record).toEqual({
        submission_id: household.submissionId,
        response_id: household.responseId,
        version: '1',
        submitted_at: household.submittedAt,
        test: 'false',
        respondent_ref: expectedCell(household.respondentRef),
        'metadata.address': expectedCell(household.metadata.address as string),
        ...Object.fromEntries(
          codes.map((code) => [code, expectedCell(household.answers.find((a) => a.qCode === code)?.value)]),
        ),
      });
    }
    expect(records.find((r) => r.respondent_ref?.includes('risky'))?.respondent_ref).toBe("'@risky-ref");
  });

  it('writes every household member and relationship in the list items file, cell by cell', async () => {
    const { header, records } = csvRecords((await download('csv-lists')).body);
    const codes = header.slice(header.indexOf('to_item_number') + 1);
    expect(codes.slice(0, 6)).toEqual(['H3', 'H4', 'H5', 'H8', 'H9', 'H11']);
    expect(codes).toEqual(expect.arrayContaining(['P1', 'P3', 'P9', 'P20', 'P23']));
    for (const household of households) {
      const rows = records.filter((r) => r.submission_id === household.submissionId);
      const expected: Record<string, string>[] = [];
      for (const [list, { items, primary }] of Object.entries(household.lists)) {
        items.forEach((item, i) => {
          const answers = household.answers.filter((a) => a.listItemId === item && a.toListItemId === undefined);
          expected.push({
            list,
            list_item_id: item,
            item_number: String(i + 1),
            primary: String(item === primary),
            to_list_item_id: '',
            to_item_number: '',
            ...Object.fromEntries(
              codes.map((code) => [code, expectedCell(answers.find((a) => a.qCode === code)?.value)]),
            ),
          });
        });
      }
      const people = household.lists.people?.items ?? [];
      for (const pair of household.answers.filter((a) => a.toListItemId !== undefined)) {
        expected.push({
          list: 'people',
          list_item_id: pair.listItemId ?? '',
          item_number: String(people.indexOf(pair.listItemId ?? '') + 1),
          primary: '',
          to_list_item_id: pair.toListItemId ?? '',
          to_item_number: String(people.indexOf(pair.toListItemId ?? '') + 1),
          ...Object.fromEntries(codes.map((code) => [code, code === pair.qCode ? expectedCell(pair.value) : ''])),
        });
      }
      const n = people.length;
      expect(rows.filter((r) => r.to_list_item_id !== '')).toHaveLength((n * (n - 1)) / 2);
      expect(
        rows.map(({ submission_id, response_id, version, submitted_at, test, ...rest }) => {
          expect({ submission_id, response_id, version, submitted_at, test }).toEqual({
            submission_id: household.submissionId,
            response_id: household.responseId,
            version: '1',
            submitted_at: household.submittedAt,
            test: 'false',
          });
          return rest;
        }),
      ).toEqual(expected);
    }
    // The child is not asked the questions for people aged 16 or over; the adult is.
    const [adult, child] = households[1]?.lists.people?.items ?? [];
    const member = (id: string | undefined) => records.find((r) => r.list_item_id === id && r.to_list_item_id === '');
    expect(member(child)?.P1).toBe('2015-03-02');
    expect(member(child)?.P3).toBe('');
    expect(member(child)?.P18).toBe('');
    expect(member(adult)?.P3).not.toBe('');
    const hostile = records.find((r) => r.H3?.startsWith("'="));
    expect(hostile?.H3).toBe('\'=HYPERLINK("http://evil.test")');
  });

  it('writes each submission document on its own JSON line, exactly as delivered', async () => {
    const response = await download('jsonl');
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = response.body.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line: string) => JSON.parse(line))).toEqual([...households].reverse());
    expect(lines[0]).toBe(JSON.stringify(households.at(-1)));
  });

  it('describes every column in a codebook: question, type, value labels, list and when it is asked', async () => {
    const { header, records } = csvRecords((await download('codebook')).body);
    expect(header).toEqual([
      'variable',
      'file',
      'list',
      'answer_id',
      'answer_type',
      'question',
      'answer_label',
      'value_labels',
      'asked_when',
    ]);
    const row = (variable: string) => records.find((r) => r.variable === variable);
    expect(row('metadata.address')).toMatchObject({ file: 'responses', answer_type: 'metadata (string)' });
    expect(row('A2')).toMatchObject({
      file: 'responses',
      list: '',
      answer_id: 'flat-type',
      answer_type: 'radio',
      asked_when: 'when answer \'accommodation-type\' == "flat"',
    });
    expect(row('A2')?.value_labels).toMatch(/^purpose-built=[^|]+ \| converted-house=/);
    expect(row('A5')?.answer_type).toBe('checkbox');
    expect(row('P3')).toMatchObject({
      file: 'list-items',
      list: 'people',
      answer_id: 'marital-status',
      asked_when: "when not (age from answer 'date-of-birth' < 16)",
    });
    expect(row('P20')?.asked_when).toContain("answer 'employment-status' includes any of");
    expect(row('H11')).toMatchObject({ list: 'people', asked_when: "when not (number of items in 'people' < 2)" });
    expect(row('P6a')?.asked_when).toContain('(detail of \'country-of-birth\' = "elsewhere")');
    const accommodation = census.sections[1]?.pages[0];
    const title = accommodation?.kind === 'question' ? accommodation.question.title : undefined;
    expect(row('A1')?.question).toBe(typeof title === 'object' ? title.en : title);
    expect(records.map((r) => r.variable)).not.toContain('H1');
  });

  it('keeps test responses out unless asked for, and exports one version when asked', async () => {
    const test = simulatedSubmission(census, {
      people: 1,
      seed: 30,
      test: true,
      submittedAt: '2025-06-02T09:00:00.000Z',
    });
    await deliver(app().request, [test]);
    const ids = async (query: string) =>
      csvRecords((await download('csv', query)).body).records.map((r) => r.submission_id);
    expect(await ids('')).not.toContain(test.submissionId);
    expect(await ids('&test=true')).toEqual([test.submissionId]);
    expect(await ids('&test=all')).toHaveLength(households.length + 1);
    expect(await ids('&version=2')).toEqual([]);
    expect(await ids('&from=2025-06-01T10:01:00Z&to=2025-06-01T10:03:00Z')).toEqual(
      [households[2], households[1]].map((h) => h?.submissionId),
    );
  });

  it('streams the same export from the list path when a format is given, and records every export', async () => {
    const viaExport = (await download('jsonl')).body;
    const viaList = await app()
      .request()
      .get(`/api/v1/questionnaires/${seeded.questionnaireId}/responses?format=jsonl`)
      .set(bearer(viewer))
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString('utf8');
        });
        res.on('end', () => done(null, body));
      })
      .expect(200);
    expect(viaList.body).toBe(viaExport);
    const events = await database()
      .db('audit_events')
      .where({ action: 'responses.export', subject_id: seeded.questionnaireId, actor_id: viewer.id })
      .orderBy('id');
    expect(events.length).toBeGreaterThanOrEqual(7);
    expect(events.at(-1)?.details).toEqual({ format: 'jsonl', filters: { test: 'false' } });
  });
});

describeEachDatabase('exports of hostile text', (database) => {
  const app = () => testApp(database().db);
  const hostile = [
    '=HYPERLINK("http://evil.test","click")',
    '+44 20 7946 0000',
    '-1+1',
    '@SUM(A1:A9)',
    '\t=cmd|" /C calc"!A0',
    '\r=1+1',
    'Robert"); DROP TABLE submissions;--',
    '<script>alert("x")</script>',
    'commas, "quotes"\nand new lines\r\n',
    'right-to-left \u202e override, emoji 🏴󠁧󠁢󠁷󠁬󠁳󠁿, line\u2028separator',
  ];

  it('returns hostile answers exactly in JSON lines and neutralised in CSV', async () => {
    const { questionnaireId } = await seedPublishedVersion(database().db, business);
    const viewer = await createTestUser(database().db, 'viewer');
    const base = simulatedSubmission(business, { seed: 8 });
    const submissions = hostile.map((text, i) => ({
      ...base,
      submissionId: randomUUID(),
      submittedAt: `2025-06-01T11:${String(10 + i)}:00.000Z`,
      answers: base.answers.map((a) => (a.answerId === 'comments' ? { ...a, value: text } : a)),
    }));
    expect(submissions[0]?.answers.some((a) => a.answerId === 'comments')).toBe(true);
    await deliver(app().request, submissions);
    const get = (format: string) =>
      app()
        .request()
        .get(`/api/v1/questionnaires/${questionnaireId}/responses/export?format=${format}`)
        .set(bearer(viewer))
        .buffer(true)
        .parse((res, done) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString('utf8');
          });
          res.on('end', () => done(null, body));
        })
        .expect(200);
    const lines = (await get('jsonl')).body
      .trim()
      .split('\n')
      .map((l: string) => JSON.parse(l)) as Submission[];
    const comments = lines.map((s) => s.answers.find((a) => a.answerId === 'comments')?.value).reverse();
    expect(comments).toEqual(hostile);
    const { records } = csvRecords((await get('csv')).body);
    const cells = records.map((r) => r['95']).reverse();
    expect(cells).toEqual([
      '\'=HYPERLINK("http://evil.test","click")',
      "'+44 20 7946 0000",
      "'-1+1",
      "'@SUM(A1:A9)",
      '\'\t=cmd|" /C calc"!A0',
      "'\r=1+1",
      'Robert"); DROP TABLE submissions;--',
      '<script>alert("x")</script>',
      'commas, "quotes"\nand new lines\r\n',
      hostile[9],
    ]);
  });
});
