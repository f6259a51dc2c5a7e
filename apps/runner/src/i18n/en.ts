import type { Entry } from './catalogue.ts';

/** Every interface string of the runner in English. `cy.ts` must have exactly the same keys. */
export const en = {
  // Page furniture
  serviceName: 'Online questionnaire',
  documentTitle: '{title} – {service}',
  errorDocumentTitle: 'Error: {title}',
  skipToContent: 'Skip to main content',
  logoAlt: 'Office for National Statistics logo',
  changeLanguageTo: 'Change language to',
  languageEn: 'English',
  languageCy: 'Cymraeg',
  previous: 'Previous',
  previousNavigation: 'Back',
  saveAndSignOut: 'Save and sign out',
  importantInformation: 'Important information: ',
  success: 'Completed: ',

  // Session
  sessionEndsAt: 'Your session will end at {time} unless you continue.',
  timeoutTitle: 'You will be signed out soon',
  timeoutText: 'It looks like you have not done anything for a while.',
  timeoutCountdown: 'To protect your information, your progress will be saved and you will be signed out in',
  timeoutExpired: 'You are being signed out',
  timeoutButton: 'Continue',
  minute: 'minute',
  minutes: 'minutes',
  second: 'second',
  seconds: 'seconds',

  // Buttons
  saveAndContinue: 'Save and continue',
  continue: 'Continue',
  submit: 'Submit',
  confirmCorrect: 'Yes, I confirm these are correct',
  start: 'Start',
  printAnswers: 'Print answers',

  // Errors on a page
  errorSummaryTitle: {
    one: 'There is a problem with your answer',
    other: 'There are {count} problems with your answers',
  },

  // Answers
  or: 'Or',
  clearsAnswer: 'Selecting this will clear your answer',
  clearsOptions: 'Selecting this will deselect any selected options',
  cleared: 'cleared',
  deselected: 'deselected',
  day: 'Day',
  month: 'Month',
  year: 'Year',
  years: 'Years',
  months: 'Months',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  addressTown: 'Town or city',
  addressPostcode: 'Postcode',
  percent: 'Percent',
  selectAnswer: 'Select an answer',
  charRemaining: 'You have {x} character remaining',
  charsRemaining: 'You have {x} characters remaining',
  charTooMany: '{x} character too many',
  charsTooMany: '{x} characters too many',

  // Summaries and lists
  change: 'Change',
  remove: 'Remove',
  addToList: 'Add another to this list',
  listEmpty: 'Nothing added yet',
  noAnswer: 'No answer given',
  changeAnswer: 'Change your answer for: {label}',
  changeItem: 'Change details for {name}',
  removeItem: 'Remove {name}',
  itemYou: '{name} (You)',
  unnamedItem: 'Item {number}',
  total: 'Total',
  calculatedIntro: 'Check these answers and confirm they are correct.',
  sectionSummaryIntro: 'Check your answers for this section before you continue.',
  checkYourAnswers: 'Check your answers',
  checkAnswersGuidance: 'Check your answers before you submit them. You cannot change them after you submit.',

  // Hub
  hubIntro: 'Complete each section. You can do them in any order.',
  hubComplete: 'You have completed every section.',
  hubSubmitGuidance: 'Submit your answers to finish the questionnaire.',
  notStarted: 'Not started',
  inProgress: 'In progress',
  completed: 'Completed',
  startSection: 'Start section',
  continueSection: 'Continue with section',
  viewSection: 'View answers',
  startSectionFor: 'Start section: {section}',
  continueSectionFor: 'Continue with section: {section}',
  viewSectionFor: 'View answers for section: {section}',

  // Introduction
  introductionTitle: 'Introduction',
  startQuestionnaire: 'Start questionnaire',

  // Thank you and viewing answers
  thankYouTitle: 'Thank you, we have received your answers',
  submissionReference: 'Your reference is {reference}.',
  keepReference: 'Keep this reference in case you need to contact us about your answers.',
  viewAnswersLink: 'View and print a copy of your answers',
  viewAnswersUntil: 'You can view your answers until {time}.',
  viewAnswersTitle: 'Your answers',
  submittedAt: 'Submitted on {date} at {time}.',

  // Standalone pages
  alreadySubmittedTitle: 'Your answers have already been submitted',
  alreadySubmittedText:
    'You do not need to do anything else. Answers cannot be changed after they have been submitted.',
  sessionExpiredTitle: 'Your session has timed out',
  sessionExpiredText: 'To protect your information, we signed you out because you had not done anything for a while.',
  answersSaved: 'Your answers have been saved.',
  carryOn: 'To carry on, enter your access code again or use the link you were sent.',
  enterAccessCode: 'Enter your access code',
  signedOutTitle: 'You have signed out',
  closedTitle: 'This questionnaire is closed',
  closedText: 'It is no longer possible to answer this questionnaire.',
  launchProblemTitle: 'This link cannot open your questionnaire',
  launchExpired: 'The link has expired or has already been used. Go back to where you found it and select it again.',
  launchInvalid: 'The link is not complete or not valid. Check you copied all of it, or go back to where you found it.',
  launchNotAvailable: 'The questionnaire this link is for is not available.',
  launchDetails: 'The link does not carry the details this questionnaire needs. Contact us to get a new one.',
  errorTitle: 'Sorry, there is a problem with this service',
  errorTryLater: 'Try again later.',
  errorReference: 'If you contact us about this problem, give this reference: {reference}',
  notFoundTitle: 'Page not found',
  notFoundTyped: 'If you typed the web address, check it is correct.',
  notFoundPasted: 'If you pasted the web address, check you copied all of it.',

  // Access code
  startTitle: 'Start your questionnaire',
  accessCodeLabel: 'Enter your 16-character access code',
  accessCodeHint: 'You can find it on the letter or email we sent you. Capital and small letters are both fine.',
  accessCodeSecurity: 'Your personal information is protected by law and will be kept confidential.',
  accessCodeMissing: 'Enter your access code',
  accessCodeInvalid: 'Enter a valid access code, exactly as it is written on your letter or email',
  accessCodeTooMany: 'You have entered too many access codes. Wait a few minutes and try again.',
  revokedCodeTitle: 'This access code is no longer valid',
  revokedCodeText:
    'It may have been replaced by a new one. If we sent you another access code, enter that code instead.',
  revokedCodeHelp: 'If you have not received another code, contact us and we will help you take part.',
  enterAnotherAccessCode: 'Enter another access code',
  codeNeedsLaunchTitle: 'This questionnaire cannot be started with an access code',
  codeNeedsLaunchText:
    'It needs details, such as your address, that come with the link we sent you. Use that link to start.',
  codeNeedsLaunchHelp: 'If you do not have the link, contact us and we will help you take part.',

  // Development index
  devIndexTitle: 'Questionnaires',
  devIndexIntro: 'Development only: start any of these questionnaires.',
  devIndexNone: 'There are no questionnaires to start.',
  devLaunchToken: 'Start {title} with a launch token',
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof en;
