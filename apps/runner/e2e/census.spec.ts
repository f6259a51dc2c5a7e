import { expect, type Tab, test } from './fixtures.ts';
import { answersOf, receivedSubmission } from './submissions.ts';

/** Who lives here: the respondent, another adult and a child of ten (the runner's today is this machine's). */
const ALEX = { first: 'Alex', last: 'Morgan', born: '1984-05-17' };
const SAM = { first: 'Sam', last: 'Morgan', born: '1986-11-02' };
const RHYS = { first: 'Rhys', last: 'Morgan', born: yearsAgo(10) };

// About ninety pages, each audited: two minutes or so on two busy cores.
test.describe.configure({ timeout: 360_000 });

test('a household of three completes the census and the submission holds every answer', async ({ tab }) => {
  const { page } = tab;
  // The census needs launch data (the address): it starts from a signed launch, not an open link.
  await tab.visit('/dev/launch/census-household');
  // The introduction first, addressed to the household the launch names.
  await expect(page).toHaveURL(/\/questionnaire\/introduction$/);
  await expect(page.locator('h1')).toHaveText(/Census household questionnaire for /);
  await tab.submit('Start questionnaire');
  await expect(page).toHaveURL(/\/questionnaire\/primary-person$/);

  await householdSection(tab);
  await expect(page.locator('h1')).toHaveText(/Census household questionnaire/);
  await accommodationSection(tab);

  await tab.follow(/Alex Morgan/);
  await adult(tab, ALEX, 'primary');
  await tab.follow(/Sam Morgan/);
  await adult(tab, SAM, 'other');
  await tab.follow(/Rhys Morgan/);
  await child(tab, RHYS);

  await expect(page.locator('main')).toContainText('You have completed every section.');
  await tab.submit();
  await expect(page).toHaveURL(/\/thank-you$/);

  const submission = await receivedSubmission(page);
  expect(submission.questionnaireId).toBe('census-household');
  expect(submission.lists.visitors?.items ?? []).toEqual([]);
  const people = submission.lists.people;
  expect(people?.items).toHaveLength(3);
  const [alex, sam, rhys] = people?.items ?? [];
  expect(people?.primary).toBe(alex);

  expect(answersOf(submission, alex)).toMatchObject({
    'first-name': 'Alex',
    'last-name': 'Morgan',
    'date-of-birth': ALEX.born,
  });
  expect(answersOf(submission, sam)).toMatchObject({
    'first-name': 'Sam',
    'middle-names': 'Jo',
    'date-of-birth': SAM.born,
  });
  expect(answersOf(submission, rhys)).toMatchObject({
    'first-name': 'Rhys',
    'date-of-birth': RHYS.born,
    student: 'yes',
  });

  const relationships = submission.answers
    .filter((a) => a.answerId === 'relationship')
    .map((a) => [a.listItemId, a.toListItemId, a.value]);
  expect(relationships).toHaveLength(3);
  expect(relationships).toEqual(
    expect.arrayContaining([
      [alex, sam, 'husband-or-wife'],
      [alex, rhys, 'son-or-daughter'],
      [sam, rhys, 'son-or-daughter'],
    ]),
  );

  expect(answersOf(submission)).toMatchObject({
    'accommodation-type': 'flat',
    'flat-type': 'converted-house',
    bedrooms: 2,
    'central-heating': ['mains-gas', 'electric'],
    tenure: 'rents',
    landlord: 'private',
    cars: 1,
  });
  expect(answersOf(submission, alex)).toMatchObject({
    'job-title': 'Nurse',
    'hours-worked': 37,
    'employment-status': ['employee'],
  });
  expect(answersOf(submission, sam)).toMatchObject({ 'job-title': 'Teacher', 'hours-worked': 30 });
  // Marital status is skipped under 16, and the section ends before qualifications and work.
  const sixteenAndOver = [
    'marital-status',
    'qualifications',
    'employment-status',
    'job-title',
    'employer',
    'hours-worked',
  ];
  for (const id of sixteenAndOver) expect(answersOf(submission, rhys)).not.toHaveProperty(id);
});

async function householdSection(tab: Tab): Promise<void> {
  await tab.choose('Yes');
  await tab.submit();
  await nameOf(tab, ALEX);
  // The list collector: add Sam, then Rhys, then nobody else.
  for (const person of [SAM, RHYS]) {
    await tab.choose('Yes');
    await tab.submit();
    await nameOf(tab, person, person === SAM ? 'Jo' : undefined);
  }
  await expect(tab.page.locator('main')).toContainText('Rhys Morgan');
  await tab.choose('No');
  await tab.submit();
  // Visitors.
  await tab.choose('No');
  await tab.submit();
  await expect(tab.page.locator('main')).toContainText('Alex Morgan, Sam Morgan and Rhys Morgan');
  await tab.submit();
  // Every pair: Sam and Rhys to Alex, then Rhys to Sam.
  await tab.choose('Husband or wife');
  await tab.submit();
  await tab.choose('Son or daughter');
  await tab.submit();
  await tab.choose('Son or daughter');
  await tab.submit();
  await expect(tab.page).toHaveURL(/\/questionnaire\/sections\/household$/);
  await tab.submit();
}

async function nameOf(tab: Tab, person: typeof ALEX, middle?: string): Promise<void> {
  await tab.fill('First name', person.first);
  if (middle) await tab.fill('Middle names', middle);
  await tab.fill('Last name', person.last);
  await tab.submit();
}

async function accommodationSection(tab: Tab): Promise<void> {
  await tab.follow(/Household and accommodation/);
  await tab.choose('Flat, maisonette or apartment');
  await tab.submit();
  await tab.choose('Part of a converted or shared house, including bedsits');
  await tab.submit();
  await tab.choose('Yes');
  await tab.submit();
  await tab.fill('Number of bedrooms', '2');
  await tab.submit();
  await tab.tick('Mains gas', 'Electric, including storage heaters');
  await tab.submit();
  await tab.choose('Rents, with or without housing benefit');
  await tab.submit();
  await tab.choose('Private landlord or letting agency');
  await tab.submit();
  await tab.fill('Number of cars or vans', '1');
  await tab.submit();
  await expect(tab.page).toHaveURL(/\/questionnaire\/sections\/accommodation$/);
  await tab.submit();
}

/** An adult's individual section: every question up to and including their job. */
async function adult(tab: Tab, person: typeof ALEX, who: 'primary' | 'other'): Promise<void> {
  await dateOfBirth(tab, person);
  await tab.choose('Female');
  await tab.submit();
  await tab.choose('Married');
  await tab.submit();
  await commonQuestions(tab, 'No');
  await tab.choose('No');
  await tab.submit();
  await expect(tab.page).toHaveURL(/\/qualifications$/);
  await tab.tick('Degree (for example BA, BSc), higher degree (for example MA, PhD, PGCE)');
  await tab.submit();
  await tab.tick('Working as an employee');
  await tab.submit();
  await tab.fill('Job title', who === 'primary' ? 'Nurse' : 'Teacher');
  await tab.submit();
  await tab.fill('Organisation or business name', who === 'primary' ? 'NHS Wales' : 'Cardiff Council');
  await tab.submit();
  await tab.fill('Hours a week', who === 'primary' ? '37' : '30');
  await tab.submit();
  await tab.choose('Bus, minibus or coach');
  await tab.submit();
  await sectionSummary(tab);
}

/** A child's individual section: no marital status, and it ends after unpaid care. */
async function child(tab: Tab, person: typeof ALEX): Promise<void> {
  await dateOfBirth(tab, person);
  await tab.choose('Male');
  await tab.submit();
  await expect(tab.page).toHaveURL(/\/second-address$/);
  await commonQuestions(tab, 'Yes');
  await tab.choose('No');
  await tab.submit();
  await sectionSummary(tab);
}

async function dateOfBirth(tab: Tab, person: typeof ALEX): Promise<void> {
  await tab.date(person.born);
  await tab.submit();
  // "Yes, you are 42" or "Yes, Sam Morgan is 40".
  await tab.choose(/^Yes, /);
  await tab.submit();
}

/** From "another address" to long-term conditions, the questions everyone is asked. */
async function commonQuestions(tab: Tab, student: 'Yes' | 'No'): Promise<void> {
  await tab.choose('No');
  await tab.submit();
  await tab.choose(student);
  await tab.submit();
  await tab.choose('Wales');
  await tab.submit();
  await tab.tick('United Kingdom');
  await tab.submit();
  await tab.choose('White');
  await tab.submit();
  await tab.choose('Welsh, English, Scottish, Northern Irish or British');
  await tab.submit();
  await tab.choose('No religion');
  await tab.submit();
  await tab.choose('English or Welsh');
  await tab.submit();
  await tab.tick('Understand spoken Welsh', 'Speak Welsh');
  await tab.submit();
  await tab.choose('Very good');
  await tab.submit();
  await tab.choose('No');
  await tab.submit();
}

async function sectionSummary(tab: Tab): Promise<void> {
  await expect(tab.page).toHaveURL(/\/questionnaire\/sections\/individual\/[^/]+$/);
  await tab.submit();
  await expect(tab.page).toHaveURL(/\/questionnaire\/$/);
}

/** The date this many years (and a month) ago, as YYYY-MM-DD. */
function yearsAgo(years: number): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years, date.getUTCMonth() - 1, 1);
  return date.toISOString().slice(0, 10);
}
