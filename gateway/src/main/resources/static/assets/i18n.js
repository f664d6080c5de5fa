// Every text of the dashboard in Dutch and English; the roadmap's own texts come from the API in both.
export const TEXTS = {
  nl: {
    skip: 'Naar de inhoud', brand: 'Board Roadmaps', loading: 'Laden…', signIn: 'Inloggen', signOut: 'Uitloggen',
    signedInAs: 'Ingelogd als', overviewTitle: 'Hoe staan de vijf grootstedelijke uitdagingen ervoor?',
    overviewIntro: 'De scorecards van de Amsterdam Economic Board: status, mijlpalen en indicatoren per uitdaging.',
    asOf: 'Stand per', open: 'Bekijk de roadmap', ambition: 'Ambitie 2025', reasons: 'Waarom deze status',
    status: { GREEN: 'Op koers', AMBER: 'Aandacht nodig', RED: 'Achter op schema', NO_DATA: 'Nog geen gegevens' },
    milestoneStatus: { PLANNED: 'Gepland', ON_TRACK: 'Op koers', AT_RISK: 'Risico', ACHIEVED: 'Behaald', MISSED: 'Niet behaald' },
    milestones: 'Mijlpalen', overdue: 'over de deadline', indicators: 'Indicatoren', initiatives: 'Initiatieven',
    spearheads: 'Speerpunten', vision: 'Vergezicht', deadline: 'Deadline', target: 'Doel', latest: 'Laatste waarde',
    noValue: 'nog geen waarde', projected: 'Verwacht op de deadline', onCourse: 'haalt het doel', offCourse: 'haalt het doel niet',
    partners: 'Partners', noPartners: 'Nog geen partners geregistreerd', changeStatus: 'Status wijzigen', note: 'Toelichting',
    save: 'Opslaan', recordMeasurement: 'Meting vastleggen', date: 'Datum', value: 'Waarde', source: 'Bron',
    progress: 'Voortgang melden', progressText: 'Wat is er bereikt?', history: 'Wijzigingsgeschiedenis', showHistory: 'Toon geschiedenis',
    saved: 'Opgeslagen', stale: 'Iemand anders heeft dit intussen gewijzigd. De nieuwste stand is geladen; controleer en probeer opnieuw.',
    failed: 'Dat lukte niet', updated: 'Bijgewerkt', back: 'Alle uitdagingen', asOfLabel: 'Scorecard per datum', today: 'Vandaag',
    editions: 'Edities', measurements: 'Metingen', trendPerYear: 'per jaar', chartTarget: 'Doel', chartProjection: 'Projectie',
    chartMeasured: 'Gemeten', loadError: 'De gegevens kunnen nu niet worden geladen.', notFound: 'Deze pagina bestaat niet.',
    editionsTitle: 'Gepubliceerde scorecard-edities', noEditions: 'Er is nog geen editie gepubliceerd.', publish: 'Editie publiceren',
    editionTitle: 'Titel', publishedBy: 'gepubliceerd door', changesSince: 'Wat is er veranderd sinds de vorige editie',
    firstEdition: 'Dit is de eerste editie.', noChanges: 'Geen veranderingen.', wholeChallenge: 'de hele uitdaging',
    csv: 'Download als CSV', report: 'Rapportweergave', print: 'Afdrukken', embed: 'Insluiten op een andere website',
    valueChanged: 'waarde',
    newInitiative: 'Initiatief toevoegen', editInitiative: 'Initiatief bewerken', initiativeId: 'Korte naam (in de URL, bijv. warmtenet-zaandam)',
    spearhead: 'Speerpunt', titleNl: 'Titel (Nederlands)', titleEn: 'Titel (Engels)', descriptionNl: 'Beschrijving (Nederlands)',
    initiativeStatus: 'Status', startDate: 'Start', endDate: 'Einde', partnersHelp: 'Partners, één per regel: naam | BUSINESS, GOVERNMENT, KNOWLEDGE_INSTITUTION of CIVIL_SOCIETY',
    tags: 'Labels, gescheiden door komma’s (bijv. material-stream:textiles)', timeline: 'Tijdlijn van de mijlpalen', quarter: 'Kwartaal',
    initiativeStatuses: { PLANNED: 'Gepland', RUNNING: 'Loopt', COMPLETED: 'Afgerond', STOPPED: 'Gestopt' },
    reason: { missed: 'niet behaald', overdue: 'deadline verstreken, nog open', 'at-risk': 'risico',
      'target-missed': 'doel niet gehaald op de deadline', 'projected-short': 'haalt het doel naar verwachting niet' },
    attentionTitle: 'Vraagt uw aandacht', attentionIntro: 'Mijlpalen over de deadline of binnen {due} dagen, en indicatoren zonder waarde in de laatste {stale} dagen. Dit overzicht krijgt u ook wekelijks per e-mail.',
    attentionOverdue: 'Over de deadline:', attentionDue: 'Binnenkort:', attentionStale: 'Geen recente waarde:', attentionLastValue: 'laatste waarde',
    attentionDaysAgo: 'dagen geleden', attentionIn: 'over', attentionDays: 'dagen', attentionNothing: 'Niets dat nu aandacht vraagt.',
    attentionCalendar: 'Deadlines in uw agenda (iCalendar)', openData: 'Open data (CSV, JSON; CC BY 4.0)',
    chartBaseline: 'Nulmeting', chartMeasurements: 'metingen', deadlinePassedMet: 'Deadline verstreken — doel gehaald',
    deadlinePassedMissed: 'Deadline verstreken — doel niet gehaald', deadlinePassedNoValue: 'Deadline verstreken — geen meting bekend',
    staleHere: 'Iemand anders heeft dit intussen gewijzigd; er is niets opgeslagen. Uw invoer staat er nog. Vergelijk met de huidige stand hieronder en sla opnieuw op als u uw wijziging wilt doorzetten.',
    serverNow: 'Huidige stand op de server:', confirmImplausible: 'Ja, deze waarde klopt (ook al ligt ze ver buiten het bekende bereik)',
    statusChanges: 'Status van uitdagingen en speerpunten', milestoneChanges: 'Mijlpalen met een andere status',
    indicatorChanges: 'Indicatoren met een nieuwe waarde', initiativesAdded: 'Nieuwe initiatieven', initiativesClosed: 'Afgeronde of gestopte initiatieven',
    itemsNotCompared: 'Een van deze edities is gepubliceerd voordat edities hun mijlpalen en initiatieven bewaarden: die zijn hier niet te vergelijken.',
    teamNote: 'toelichting van het team', notYetKnown: 'nog niet bekend', asItStood: 'Bekijk zoals het toen stond',
    asItStoodIn: 'Zoals het stond in de editie',
    implausibleHere: 'Deze waarde ligt ver buiten wat deze indicator tot nu toe had en als doel heeft. Controleer haar; klopt ze, vink dan hieronder aan en sla opnieuw op.',
    // the whole roadmap, history from the roadmap's own date, Dutch throughout (dashroadmap)
    background: 'Achtergrond', fromTheRoadmap: 'Uit de roadmap', keyFigures: 'Kerncijfers', whatItIs: 'Wat is het',
    relevance: 'Relevantie voor de MRA', boardRole: 'Rol van de Board', focusAreas: 'Focusgebieden', editSpearhead: 'Teksten van dit speerpunt bewerken',
    visionNl: 'Vergezicht (Nederlands)', visionEn: 'Vergezicht (Engels)', whatItIsNl: 'Wat is het (Nederlands)', whatItIsEn: 'Wat is het (Engels)',
    relevanceNl: 'Relevantie (Nederlands)', relevanceEn: 'Relevantie (Engels)', boardRoleNl: 'Rol van de Board (Nederlands)', boardRoleEn: 'Rol van de Board (Engels)',
    focusAreasHelp: 'Focusgebieden, één per regel: Nederlands | Engels', latestNote: 'Laatste toelichting', roadmapDocument: 'roadmapdocument van de Board',
    statusSince: 'status sinds', notKnownYet: 'nog niet bekend', beforeFirstKnown: 'Op deze datum was er van deze roadmap nog niets bekend. De eerste bekende stand is van',
    firstKnown: 'Eerste bekende stand', asOfView: 'U bekijkt de roadmap zoals die er op deze dag bij stond; bewerken kan alleen in de stand van vandaag.',
    quarterBeforeFirst: 'vóór de eerste bekende stand', chooseQuarter: 'Kies een kwartaal', show: 'Toon',
    partnerTypes: { BUSINESS: 'bedrijf', GOVERNMENT: 'overheid', KNOWLEDGE_INSTITUTION: 'kennisinstelling', CIVIL_SOCIETY: 'maatschappelijke organisatie' },
    partnerName: 'Naam van de partner', partnerType: 'Soort partner', addPartner: 'Partner toevoegen', removePartner: 'Verwijderen',
    initiativeIdAuto: 'Korte naam (in de URL; wordt uit de titel gemaakt)', tagsShown: 'Labels', latestProgress: 'Laatste voortgang',
    moreProgress: 'Alle voortgangsberichten', period: 'Looptijd', noEnd: 'doorlopend', showMore: 'Toon meer', historyOf: 'Geschiedenis van',
    entries: 'wijzigingen', overdueOf: 'waarvan {n} over de deadline', embedSnippet: 'Code om in te voegen op uw website',
    copy: 'Kopiëren', copied: 'Gekopieerd', goBack: 'Terug naar het overzicht', errorStatus: 'Foutcode',
    materialStreams: 'Negen prioritaire grondstofstromen', recyclingAim: 'Doel', fourP: 'Het 4P-profiel', crossOvers: 'Cross-overs',
    programmes: 'Programma’s en wat ze meten', measures: 'meet', scales: 'Schaalniveaus', transportTypes: 'Soorten vervoer',
    pendingSpearheads: 'Speerpunten in voorbereiding', scalingBarriers: 'Belemmeringen voor opschaling', dataDrivers: 'Drijvende krachten achter data',
    skills21stCentury: '21e-eeuwse vaardigheden', crossOverEnabler: 'Wat de cross-overs mogelijk maakt', materialStreamSelection: 'Hoe de stromen zijn gekozen',
    fourPCollaborationCriterion: 'Wanneer de Board samenwerking steunt', spearheadsRationale: 'Waarom deze speerpunten', milestone2017: 'Mijlpaal 2017',
    withChallenge: 'met', csvHeaders: ['uitdaging', 'speerpunt', 'soort', 'id', 'titel', 'status', 'laatste waarde', 'doel', 'eenheid', 'deadline', 'verwacht', 'stand per'],
    csvKinds: { milestone: 'mijlpaal', indicator: 'indicator' }, baselineValue: 'nulmeting'
  },
  en: {
    skip: 'Skip to content', brand: 'Board Roadmaps', loading: 'Loading…', signIn: 'Sign in', signOut: 'Sign out',
    signedInAs: 'Signed in as', overviewTitle: 'How do the five metropolitan challenges stand?',
    overviewIntro: "The Amsterdam Economic Board's scorecards: status, milestones and indicators per challenge.",
    asOf: 'As of', open: 'Open the roadmap', ambition: 'Ambition 2025', reasons: 'Why this status',
    status: { GREEN: 'On course', AMBER: 'Needs attention', RED: 'Behind schedule', NO_DATA: 'No data yet' },
    milestoneStatus: { PLANNED: 'Planned', ON_TRACK: 'On track', AT_RISK: 'At risk', ACHIEVED: 'Achieved', MISSED: 'Missed' },
    milestones: 'Milestones', overdue: 'overdue', indicators: 'Indicators', initiatives: 'Initiatives',
    spearheads: 'Spearheads', vision: 'Vision', deadline: 'Deadline', target: 'Target', latest: 'Latest value',
    noValue: 'no value yet', projected: 'Projected at the deadline', onCourse: 'meets the target', offCourse: 'misses the target',
    partners: 'Partners', noPartners: 'No partners registered yet', changeStatus: 'Change status', note: 'Note',
    save: 'Save', recordMeasurement: 'Record a measurement', date: 'Date', value: 'Value', source: 'Source',
    progress: 'Report progress', progressText: 'What was achieved?', history: 'Change history', showHistory: 'Show history',
    saved: 'Saved', stale: 'Someone else changed this meanwhile. The latest version is loaded; check it and try again.',
    failed: 'That did not work', updated: 'Updated', back: 'All challenges', asOfLabel: 'Scorecard as of', today: 'Today',
    editions: 'Editions', measurements: 'Measurements', trendPerYear: 'per year', chartTarget: 'Target', chartProjection: 'Projection',
    chartMeasured: 'Measured', loadError: 'The data cannot be loaded right now.', notFound: 'This page does not exist.',
    editionsTitle: 'Published scorecard editions', noEditions: 'No edition has been published yet.', publish: 'Publish an edition',
    editionTitle: 'Title', publishedBy: 'published by', changesSince: 'What changed since the previous edition',
    firstEdition: 'This is the first edition.', noChanges: 'No changes.', wholeChallenge: 'the whole challenge',
    csv: 'Download as CSV', report: 'Report view', print: 'Print', embed: 'Embed on another website',
    valueChanged: 'value',
    newInitiative: 'Add an initiative', editInitiative: 'Edit this initiative', initiativeId: 'Short name (in the URL, e.g. heat-network-zaandam)',
    spearhead: 'Spearhead', titleNl: 'Title (Dutch)', titleEn: 'Title (English)', descriptionNl: 'Description (Dutch)',
    initiativeStatus: 'Status', startDate: 'Start', endDate: 'End', partnersHelp: 'Partners, one per line: name | BUSINESS, GOVERNMENT, KNOWLEDGE_INSTITUTION or CIVIL_SOCIETY',
    tags: 'Tags, separated by commas (e.g. material-stream:textiles)', timeline: 'Timeline of the milestones', quarter: 'Quarter',
    initiativeStatuses: { PLANNED: 'Planned', RUNNING: 'Running', COMPLETED: 'Completed', STOPPED: 'Stopped' },
    reason: { missed: 'missed', overdue: 'deadline passed, still open', 'at-risk': 'at risk',
      'target-missed': 'target not reached at the deadline', 'projected-short': 'projected to miss the target' },
    attentionTitle: 'Needs your attention', attentionIntro: 'Milestones past their deadline or due within {due} days, and indicators without a value in the last {stale} days. You also get this list weekly by e-mail.',
    attentionOverdue: 'Overdue:', attentionDue: 'Due soon:', attentionStale: 'No recent value:', attentionLastValue: 'latest value',
    attentionDaysAgo: 'days ago', attentionIn: 'in', attentionDays: 'days', attentionNothing: 'Nothing needs attention right now.',
    attentionCalendar: 'Deadlines in your calendar (iCalendar)', openData: 'Open data (CSV, JSON; CC BY 4.0)',
    chartBaseline: 'Baseline', chartMeasurements: 'measurements', deadlinePassedMet: 'Deadline passed — target met',
    deadlinePassedMissed: 'Deadline passed — target not met', deadlinePassedNoValue: 'Deadline passed — no measurement known',
    staleHere: 'Someone else changed this meanwhile; nothing was saved. What you typed is still here. Compare it with the current state below and save again if you want your change to stand.',
    serverNow: 'Current state on the server:', confirmImplausible: 'Yes, this value is right (even though it lies far outside the known range)',
    statusChanges: 'Status of challenges and spearheads', milestoneChanges: 'Milestones with another status',
    indicatorChanges: 'Indicators with a new value', initiativesAdded: 'New initiatives', initiativesClosed: 'Initiatives completed or stopped',
    itemsNotCompared: 'One of these editions was published before editions kept their milestones and initiatives: those cannot be compared here.',
    teamNote: "the team's note", notYetKnown: 'not yet known', asItStood: 'View as it stood then',
    asItStoodIn: 'As it stood in the edition',
    implausibleHere: 'This value lies far outside what this indicator has had so far and aims at. Check it; if it is right, tick the box below and save again.',
    // the whole roadmap, history from the roadmap's own date, Dutch throughout (dashroadmap)
    background: 'Background', fromTheRoadmap: 'From the roadmap', keyFigures: 'Key figures', whatItIs: 'What it is',
    relevance: 'Relevance for the MRA', boardRole: "The Board's role", focusAreas: 'Focus areas', editSpearhead: "Edit this spearhead's texts",
    visionNl: 'Vision (Dutch)', visionEn: 'Vision (English)', whatItIsNl: 'What it is (Dutch)', whatItIsEn: 'What it is (English)',
    relevanceNl: 'Relevance (Dutch)', relevanceEn: 'Relevance (English)', boardRoleNl: "The Board's role (Dutch)", boardRoleEn: "The Board's role (English)",
    focusAreasHelp: 'Focus areas, one per line: Dutch | English', latestNote: 'Latest note', roadmapDocument: "the Board's roadmap document",
    statusSince: 'status since', notKnownYet: 'not known yet', beforeFirstKnown: 'Nothing of this roadmap was known on this day yet. The first known state is of',
    firstKnown: 'First known state', asOfView: 'You are looking at the roadmap as it stood on this day; editing is only possible in today\'s view.',
    quarterBeforeFirst: 'before the first known state', chooseQuarter: 'Choose a quarter', show: 'Show',
    partnerTypes: { BUSINESS: 'business', GOVERNMENT: 'government', KNOWLEDGE_INSTITUTION: 'knowledge institution', CIVIL_SOCIETY: 'civil society' },
    partnerName: 'Partner name', partnerType: 'Kind of partner', addPartner: 'Add a partner', removePartner: 'Remove',
    initiativeIdAuto: 'Short name (in the URL; made from the title)', tagsShown: 'Tags', latestProgress: 'Latest progress',
    moreProgress: 'All progress updates', period: 'Period', noEnd: 'ongoing', showMore: 'Show more', historyOf: 'History of',
    entries: 'changes', overdueOf: '{n} of them overdue', embedSnippet: 'Code to paste into your website',
    copy: 'Copy', copied: 'Copied', goBack: 'Back to the overview', errorStatus: 'Error code',
    materialStreams: 'Nine priority material streams', recyclingAim: 'Aim', fourP: 'The 4P profile', crossOvers: 'Cross-overs',
    programmes: 'Programmes and what they measure', measures: 'measures', scales: 'Scale levels', transportTypes: 'Kinds of transport',
    pendingSpearheads: 'Spearheads being prepared', scalingBarriers: 'Barriers to scaling up', dataDrivers: 'What drives data',
    skills21stCentury: '21st-century skills', crossOverEnabler: 'What enables the cross-overs', materialStreamSelection: 'How the streams were chosen',
    fourPCollaborationCriterion: 'When the Board supports collaboration', spearheadsRationale: 'Why these spearheads', milestone2017: 'Milestone 2017',
    withChallenge: 'with', csvHeaders: ['challenge', 'spearhead', 'kind', 'id', 'title', 'status', 'latest', 'target', 'unit', 'deadline', 'projected', 'as of'],
    csvKinds: { milestone: 'milestone', indicator: 'indicator' }, baselineValue: 'baseline'
  }
};

let language = localStorage.getItem('language') === 'en' ? 'en' : 'nl';

export function lang() {
  return language;
}

export function setLang(value) {
  language = value === 'en' ? 'en' : 'nl';
  localStorage.setItem('language', language);
  document.documentElement.lang = language;
}

export function t(key) {
  return key.split('.').reduce((node, part) => (node ? node[part] : undefined), TEXTS[language]) ?? key;
}

/** A bilingual text of the roadmap in the chosen language (Dutch when there is no English). */
export function text(bilingual) {
  if (!bilingual) return '';
  return (language === 'en' && bilingual.en) ? bilingual.en : bilingual.nl;
}
