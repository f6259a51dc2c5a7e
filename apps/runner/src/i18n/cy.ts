import type { Entry } from './catalogue.ts';
import type { MessageKey } from './en.ts';

/**
 * Every interface string of the runner in Welsh. A noun stays singular after a number and takes
 * the mutation the number calls for (2 broblem, 6 phroblem), hence the plural forms.
 */
export const cy: Record<MessageKey, Entry> = {
  // Page furniture
  serviceName: 'Holiadur ar-lein',
  documentTitle: '{title} – {service}',
  errorDocumentTitle: 'Gwall: {title}',
  skipToContent: 'Neidio i’r prif gynnwys',
  logoAlt: 'Logo Swyddfa Ystadegau Gwladol',
  changeLanguageTo: 'Newid iaith:',
  languageEn: 'English',
  languageCy: 'Cymraeg',
  previous: 'Blaenorol',
  previousNavigation: 'Yn ôl',
  saveAndSignOut: 'Cadw ac allgofnodi',
  importantInformation: 'Gwybodaeth bwysig: ',
  success: 'Wedi’i gwblhau: ',

  // Session
  sessionEndsAt: 'Bydd eich sesiwn yn dod i ben am {time} oni bai eich bod yn parhau.',
  timeoutTitle: 'Byddwch yn cael eich allgofnodi cyn bo hir',
  timeoutText: 'Mae’n edrych fel nad ydych chi wedi gwneud unrhyw beth ers tro.',
  timeoutCountdown:
    'Er mwyn diogelu eich gwybodaeth, bydd eich cynnydd yn cael ei gadw a byddwch yn cael eich allgofnodi ymhen',
  timeoutExpired: 'Rydych chi’n cael eich allgofnodi',
  timeoutButton: 'Parhau',
  minute: 'munud',
  minutes: 'munud',
  second: 'eiliad',
  seconds: 'eiliad',

  // Buttons
  saveAndContinue: 'Cadw a pharhau',
  continue: 'Parhau',
  submit: 'Cyflwyno',
  confirmCorrect: 'Ydw, rwy’n cadarnhau bod y rhain yn gywir',
  start: 'Dechrau',
  printAnswers: 'Argraffu’r atebion',

  // Errors on a page
  errorSummaryTitle: {
    zero: 'Mae {count} problem gyda’ch atebion',
    one: 'Mae problem gyda’ch ateb',
    two: 'Mae {count} broblem gyda’ch atebion',
    few: 'Mae {count} problem gyda’ch atebion',
    many: 'Mae {count} phroblem gyda’ch atebion',
    other: 'Mae {count} problem gyda’ch atebion',
  },

  // Answers
  or: 'Neu',
  clearsAnswer: 'Bydd dewis hwn yn clirio eich ateb',
  clearsOptions: 'Bydd dewis hwn yn dad-ddewis unrhyw opsiynau a ddewiswyd',
  cleared: 'wedi’i glirio',
  deselected: 'wedi’i ddad-ddewis',
  day: 'Diwrnod',
  month: 'Mis',
  year: 'Blwyddyn',
  years: 'Blynyddoedd',
  months: 'Misoedd',
  addressLine1: 'Llinell 1 y cyfeiriad',
  addressLine2: 'Llinell 2 y cyfeiriad',
  addressTown: 'Tref neu ddinas',
  addressPostcode: 'Cod post',
  percent: 'Y cant',
  selectAnswer: 'Dewiswch ateb',
  charRemaining: 'Mae gennych {x} nod ar ôl',
  charsRemaining: 'Mae gennych {x} nod ar ôl',
  charTooMany: '{x} nod yn ormod',
  charsTooMany: '{x} nod yn ormod',

  // Summaries and lists
  change: 'Newid',
  remove: 'Dileu',
  addToList: 'Ychwanegu un arall at y rhestr hon',
  listEmpty: 'Dim byd wedi’i ychwanegu eto',
  noAnswer: 'Dim ateb wedi’i roi',
  changeAnswer: 'Newid eich ateb i: {label}',
  changeItem: 'Newid manylion {name}',
  removeItem: 'Dileu {name}',
  itemYou: '{name} (Chi)',
  unnamedItem: 'Eitem {number}',
  total: 'Cyfanswm',
  calculatedIntro: 'Gwiriwch yr atebion hyn a chadarnhewch eu bod yn gywir.',
  sectionSummaryIntro: 'Gwiriwch eich atebion ar gyfer yr adran hon cyn parhau.',
  checkYourAnswers: 'Gwirio eich atebion',
  checkAnswersGuidance: 'Gwiriwch eich atebion cyn eu cyflwyno. Ni allwch eu newid ar ôl eu cyflwyno.',

  // Hub
  hubIntro: 'Cwblhewch bob adran. Gallwch eu gwneud mewn unrhyw drefn.',
  hubComplete: 'Rydych chi wedi cwblhau pob adran.',
  hubSubmitGuidance: 'Cyflwynwch eich atebion i orffen yr holiadur.',
  notStarted: 'Heb ddechrau',
  inProgress: 'Ar y gweill',
  completed: 'Wedi’i chwblhau',
  startSection: 'Dechrau’r adran',
  continueSection: 'Parhau â’r adran',
  viewSection: 'Gweld yr atebion',
  startSectionFor: 'Dechrau’r adran: {section}',
  continueSectionFor: 'Parhau â’r adran: {section}',
  viewSectionFor: 'Gweld yr atebion ar gyfer yr adran: {section}',

  // Introduction
  introductionTitle: 'Cyflwyniad',
  startQuestionnaire: 'Dechrau’r holiadur',

  // Thank you and viewing answers
  thankYouTitle: 'Diolch, rydym wedi cael eich atebion',
  submissionReference: 'Eich cyfeirnod yw {reference}.',
  keepReference: 'Cadwch y cyfeirnod hwn rhag ofn y bydd angen i chi gysylltu â ni am eich atebion.',
  viewAnswersLink: 'Gweld ac argraffu copi o’ch atebion',
  viewAnswersUntil: 'Gallwch weld eich atebion tan {time}.',
  viewAnswersTitle: 'Eich atebion',
  submittedAt: 'Cyflwynwyd ar {date} am {time}.',

  // Standalone pages
  alreadySubmittedTitle: 'Mae eich atebion eisoes wedi cael eu cyflwyno',
  alreadySubmittedText:
    'Does dim angen i chi wneud unrhyw beth arall. Ni ellir newid atebion ar ôl iddynt gael eu cyflwyno.',
  sessionExpiredTitle: 'Mae eich sesiwn wedi dod i ben',
  sessionExpiredText:
    'Er mwyn diogelu eich gwybodaeth, rydym wedi eich allgofnodi am nad oeddech chi wedi gwneud unrhyw beth ers tro.',
  answersSaved: 'Mae eich atebion wedi cael eu cadw.',
  carryOn: 'I barhau, rhowch eich cod mynediad eto neu defnyddiwch y ddolen a anfonwyd atoch.',
  enterAccessCode: 'Rhowch eich cod mynediad',
  signedOutTitle: 'Rydych chi wedi allgofnodi',
  closedTitle: 'Mae’r holiadur hwn wedi cau',
  closedText: 'Nid yw’n bosibl ateb yr holiadur hwn mwyach.',
  launchProblemTitle: 'Nid yw’r ddolen hon yn gallu agor eich holiadur',
  launchExpired:
    'Mae’r ddolen wedi dod i ben neu wedi cael ei defnyddio’n barod. Ewch yn ôl i ble daethoch o hyd iddi a’i dewis eto.',
  launchInvalid:
    'Nid yw’r ddolen yn gyflawn neu nid yw’n ddilys. Gwiriwch eich bod wedi copïo’r cyfan, neu ewch yn ôl i ble daethoch o hyd iddi.',
  launchNotAvailable: 'Nid yw’r holiadur y mae’r ddolen hon ar ei gyfer ar gael.',
  launchDetails:
    'Nid yw’r ddolen yn cynnwys y manylion sydd eu hangen ar yr holiadur hwn. Cysylltwch â ni i gael un newydd.',
  errorTitle: 'Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth hwn',
  errorTryLater: 'Rhowch gynnig arall arni yn nes ymlaen.',
  errorReference: 'Os byddwch yn cysylltu â ni am y broblem hon, rhowch y cyfeirnod hwn: {reference}',
  notFoundTitle: 'Heb ddod o hyd i’r dudalen',
  notFoundTyped: 'Os gwnaethoch deipio’r cyfeiriad gwe, gwnewch yn siŵr ei fod yn gywir.',
  notFoundPasted: 'Os gwnaethoch ludo’r cyfeiriad gwe, gwnewch yn siŵr eich bod wedi copïo’r cyfeiriad cyfan.',

  // Access code
  startTitle: 'Dechrau eich holiadur',
  accessCodeLabel: 'Rhowch eich cod mynediad 16 nod',
  accessCodeHint: 'Mae ar y llythyr neu’r e-bost a anfonwyd atoch. Mae priflythrennau a llythrennau bach yn iawn.',
  accessCodeSecurity: 'Mae eich gwybodaeth bersonol wedi’i diogelu gan y gyfraith a chaiff ei chadw’n gyfrinachol.',
  accessCodeMissing: 'Rhowch eich cod mynediad',
  accessCodeInvalid: 'Rhowch god mynediad dilys, yn union fel y mae wedi’i ysgrifennu ar eich llythyr neu e-bost',
  accessCodeTooMany:
    'Rydych chi wedi rhoi gormod o godau mynediad. Arhoswch ychydig funudau a rhowch gynnig arall arni.',
  revokedCodeTitle: 'Nid yw’r cod mynediad hwn yn ddilys mwyach',
  revokedCodeText:
    'Efallai fod cod newydd wedi dod yn ei le. Os ydym wedi anfon cod mynediad arall atoch, rhowch y cod hwnnw yn lle hynny.',
  revokedCodeHelp: 'Os nad ydych wedi cael cod arall, cysylltwch â ni a byddwn yn eich helpu i gymryd rhan.',
  enterAnotherAccessCode: 'Rhowch god mynediad arall',
  codeNeedsLaunchTitle: 'Ni ellir dechrau’r holiadur hwn gyda chod mynediad',
  codeNeedsLaunchText:
    'Mae angen manylion arno, fel eich cyfeiriad, sy’n dod gyda’r ddolen a anfonwyd atoch. Defnyddiwch y ddolen honno i ddechrau.',
  codeNeedsLaunchHelp: 'Os nad yw’r ddolen gennych, cysylltwch â ni a byddwn yn eich helpu i gymryd rhan.',

  // Development index
  devIndexTitle: 'Holiaduron',
  devIndexIntro: 'Datblygu yn unig: dechreuwch unrhyw un o’r holiaduron hyn.',
  devIndexNone: 'Does dim holiaduron i’w dechrau.',
  devLaunchToken: 'Dechrau {title} gyda thocyn lansio',
};
