/**
 * How people really search: sentences, single words, slang, typos, the words of their trade. Written
 * from the way parents, young people and professionals ask (Kindertelefoon and Opvoeden.nl topic lists,
 * JouwGGD themes, forum questions), not from our titles. Each query lists the pages (site search) or
 * services (sociale kaart, "organisation/service") of which at least one must be in the top three.
 * The lead extends this set when new articles arrive.
 */
export type Audience = 'ouders' | 'jongeren' | 'professionals';

export interface QualityQuery {
  q: string;
  who: Audience;
  search: 'site' | 'kaart';
  expect: string[];
}

const site = (who: Audience, q: string, ...expect: string[]): QualityQuery => ({ q, who, search: 'site', expect });
const kaart = (who: Audience, q: string, ...expect: string[]): QualityQuery => ({ q, who, search: 'kaart', expect });

export const QUALITY_QUERIES: QualityQuery[] = [
  // Parents: sentences as typed at the kitchen table.
  site('ouders', 'mijn dochter wil niet meer naar school', '/ouders/passend-onderwijs/'),
  site('ouders', 'hoe praat ik met mijn puber over seks', '/ouders/seksualiteit-en-relaties/'),
  site('ouders', 'mijn zoon blowt elke dag', '/ouders/roken-vapen-en-blowen/', '/ouders/zorgen-over-middelengebruik/'),
  site('ouders', 'kind wordt gepest op school wat moet ik doen', '/ouders/pesten/'),
  site('ouders', 'peuter driftbuien', '/ouders/driftbuien-en-grenzen/'),
  site('ouders', 'mijn kind luistert niet', '/ouders/driftbuien-en-grenzen/'),
  site('ouders', 'baby huilt heel veel', '/ouders/baby-en-peuter/'),
  site('ouders', 'we gaan uit elkaar hoe vertellen we het de kinderen', '/ouders/scheiding/'),
  site('ouders', 'kind te dik', '/ouders/gezond-gewicht/'),
  site('ouders', 'mijn kind wil niet slapen', '/ouders/slapen-en-eten/'),
  site('ouders', 'slechte eter', '/ouders/slapen-en-eten/'),
  site('ouders', 'puber komt dronken thuis', '/ouders/praten-over-alcohol/', '/ouders/zorgen-over-middelengebruik/'),
  site('ouders', 'hoeveel schermtijd is normaal', '/ouders/gamen-en-social-media/'),
  site('ouders', 'zoon zit de hele nacht te gamen', '/ouders/gamen-en-social-media/'),
  site('ouders', 'tiktok', '/ouders/gamen-en-social-media/'),
  site('ouders', 'mijn kind is zo somber', '/ouders/somber-kind/'),
  site('ouders', 'ik ben depressief en heb kinderen', '/ouders/psychische-problemen-ouder/'),
  site('ouders', 'mijn man drinkt te veel', '/ouders/verslaving-in-het-gezin/'),
  site('ouders', 'hoe krijg ik hulp voor mijn kind', '/ouders/jeugdhulp-uitgelegd/', '/sociale-kaart/wijkteam/'),
  site('ouders', 'wachtlijst jeugdzorg', '/ouders/jeugdhulp-uitgelegd/'),
  site('ouders', 'zoveel hulpverleners tegelijk', '/ouders/een-gezin-een-plan/'),
  site('ouders', 'opvoedondersteuning', '/sociale-kaart/opvoedspreekuur/', '/sociale-kaart/opvoedcursus/', '/sociale-kaart/cjg/'),
  site('ouders', 'consultatiebureau', '/sociale-kaart/jgz-consultatiebureau/', '/ouders/baby-en-peuter/'),
  site('ouders', 'kind wordt 18 zorgverzekering', '/ouders/jongvolwassene/'),
  site('ouders', 'puber is zo brutaal', '/ouders/puber/'),
  site('ouders', 'buurjongen wordt geslagen door zijn vader', '/ouders/veiligheid-thuis/'),
  site('ouders', 'dyslexie', '/ouders/passend-onderwijs/'),
  site('ouders', 'spijbelen', '/ouders/passend-onderwijs/', '/sociale-kaart/leerplicht/'),
  site('ouders', 'mijn kind is heel druk', '/ouders/driftbuien-en-grenzen/', '/ouders/passend-onderwijs/'),
  site('ouders', 'lachgas', '/ouders/zorgen-over-middelengebruik/', '/jongeren/drugs/'),
  site('ouders', 'is vapen schadelijk', '/ouders/roken-vapen-en-blowen/', '/jongeren/roken-en-vapen/'),
  site('ouders', 'vechtscheiding', '/ouders/scheiding/'),
  site('ouders', 'stiefkinderen samengesteld gezin', '/ouders/scheiding/'),
  site('ouders', 'peuter zindelijk maken', '/ouders/baby-en-peuter/'),
  site('ouders', 'wat kan ik doen als mijn kind niet lekker in zijn vel zit', '/ouders/somber-kind/'),
  site('ouders', 'mijn kind wordt gepset', '/ouders/pesten/'),
  site('ouders', 'opvoedcursus', '/sociale-kaart/opvoedcursus/'),

  // Young people: how they feel, slang, typos.
  site('jongeren', 'ik voel me alleen', '/jongeren/geen-vrienden/', '/jongeren/dip/'),
  site('jongeren', 'ik wil dood', '/jongeren/zelfmoordgedachten/'),
  site('jongeren', 'zelfmoord', '/jongeren/zelfmoordgedachten/'),
  site('jongeren', 'mijn vader slaat mij', '/jongeren/mishandeld/'),
  site('jongeren', 'mn ouders gaan scheiden', '/jongeren/scheiding/'),
  site('jongeren', 'altijd ruzie met mn moeder', '/jongeren/mot-met-je-ouders/'),
  site('jongeren', 'ik word gepest', '/jongeren/pesten/'),
  site('jongeren', 'coke', '/jongeren/drugs/'),
  site('jongeren', 'snuiven', '/jongeren/drugs/'),
  site('jongeren', 'peuk', '/jongeren/roken-en-vapen/'),
  site('jongeren', 'hoe stop ik met vapen', '/jongeren/roken-en-vapen/'),
  site('jongeren', 'wiet', '/jongeren/blowen/'),
  site('jongeren', 'te veel gezopen', '/jongeren/alcohol/'),
  site('jongeren', 'xtc op een festival', '/jongeren/drugs/'),
  site('jongeren', 'ik wil weglopen', '/jongeren/weglopen/'),
  site('jongeren', 'mn ouders hebben me eruit gezet', '/jongeren/uit-huis-gestuurd/'),
  site('jongeren', 'geen slaapplek vannacht', '/jongeren/uit-huis-gestuurd/'),
  site('jongeren', 'mijn moeder heeft kanker', '/jongeren/ouders-ziek/'),
  site('jongeren', 'mijn opa is doodgegaan', '/jongeren/dood/'),
  site('jongeren', 'ik ben geadopteerd', '/jongeren/geadopteerd/'),
  site('jongeren', 'anoniem met iemand praten', '/jongeren/anoniem-chatten/'),
  site('jongeren', 'opgepakt door de politie', '/jongeren/problemen-op-straat/'),
  site('jongeren', 'halt straf', '/jongeren/problemen-op-straat/', '/sociale-kaart/halt/'),
  site('jongeren', 'ik zit niet lekker in mn vel', '/jongeren/dip/'),
  site('jongeren', 'depri', '/jongeren/dip/'),
  site('jongeren', 'verslaafd aan gamen', '/jongeren/gamen/'),
  site('jongeren', 'naaktfoto doorgestuurd', '/jongeren/pesten/', '/ouders/seksualiteit-en-relaties/'),
  site('jongeren', 'ruzie met mn beste vriendin', '/jongeren/ruzie/'),
  site('jongeren', 'op kamers gaan wonen', '/jongeren/niet-meer-thuis-wonen/'),
  site('jongeren', 'zelfmort', '/jongeren/zelfmoordgedachten/'),
  site('jongeren', 'blowwen', '/jongeren/blowen/'),
  site('jongeren', 'ik snij mezelf', '/jongeren/zelfmoordgedachten/'),
  site('jongeren', 'fortnite', '/jongeren/gamen/', '/ouders/gamen-en-social-media/'),

  // Professionals: the words of their trade.
  site('professionals', 'meldcode', '/professionals/meldcode-en-veilig-thuis/'),
  site('professionals', 'JGZ', '/professionals/samenwerking-jgz-jeugdhulp/'),
  site('professionals', 'jeugdverpleegkundige', '/professionals/samenwerking-jgz-jeugdhulp/'),
  site('professionals', 'leerling gebruikt cannabis', '/professionals/verwijzen-naar-verslavingszorg/'),
  site('professionals', '1G1P', '/professionals/een-gezin-een-plan/'),
  site('professionals', 'zorgcoördinatie', '/professionals/een-gezin-een-plan/'),
  site('professionals', 'signalen kindermishandeling', '/professionals/meldcode-en-veilig-thuis/'),
  site('professionals', 'waar verwijs ik een gezin naartoe', '/professionals/sociale-kaart-en-verwijzen/', '/professionals/signaleren-en-verwijzen/'),
  site('professionals', 'vroegsignalering', '/professionals/signaleren-en-verwijzen/'),
  site('professionals', 'kindcheck', '/professionals/meldcode-en-veilig-thuis/', '/professionals/verwijzen-naar-verslavingszorg/'),
  site('professionals', 'warme overdracht', '/professionals/signaleren-en-verwijzen/', '/professionals/sociale-kaart-en-verwijzen/', '/professionals/cjg-functies-en-partners/'),
  site('professionals', 'consultatie bij het cjg', '/professionals/cjg-functies-en-partners/', '/sociale-kaart/cjg/'),
  site('professionals', 'beroepsgeheim', '/professionals/meldcode-en-veilig-thuis/'),
  site('professionals', 'casusoverleg multiprobleemgezin', '/professionals/een-gezin-een-plan/'),

  // Sociale kaart: services by what they do, who they are for, and people's words for the problem.
  kaart('professionals', 'opvoedondersteuning', 'cjg/opvoedadvies', 'opvoedspreekuur/spreekuur', 'opvoedcursus/triple-p'),
  kaart('ouders', 'schulden', 'schuldhulp/schuldhulp', 'schuldhulp/jongeren-en-geld'),
  kaart('professionals', 'verslaving jongeren', 'verslavingszorg/vroeghulp-jongeren', 'verslavingszorg/behandeling'),
  kaart('ouders', 'mijn zoon blowt', 'verslavingszorg/vroeghulp-jongeren', 'drugs-infolijn/infolijn'),
  kaart('jongeren', 'ik denk aan zelfmoord', '113-zelfmoordpreventie/bellen-en-chatten'),
  kaart('professionals', 'huiselijk geweld melden', 'veilig-thuis/advies-en-melden'),
  kaart('jongeren', 'verkracht', 'centrum-seksueel-geweld/hulp-na-seksueel-geweld'),
  kaart('ouders', 'inenting', 'ggd/vaccinaties'),
  kaart('professionals', 'spijbelen', 'leerplicht/leerplicht'),
  kaart('ouders', 'kinderen en scheiding', 'kinderen-en-scheiding/groep'),
  kaart('professionals', 'kind van ouder met psychische problemen', 'kopp-groep/groep'),
  kaart('jongeren', 'mijn vader drinkt te veel', 'kvo-groep/groep'),
  kaart('ouders', 'zwanger', 'zwangerschap-geboortezorg/verloskundige-zorg'),
  kaart('jongeren', 'psycholoog', 'poh-ggz-jeugd/gesprekken', 'jeugd-ggz/behandeling'),
  kaart('jongeren', 'ik zorg voor mijn zieke moeder', 'jonge-mantelzorgers/steun'),
  kaart('jongeren', 'anoniem chatten', 'cjg/jongerenchat', 'kindertelefoon/bellen-en-chatten'),
  kaart('ouders', 'autisme', 'jeugd-ggz/behandeling', 'mee/clientondersteuning'),
  kaart('professionals', 'jeugdarts', 'jgz-school/spreekuur', 'jgz-consultatiebureau/consultatiebureau'),
  kaart('ouders', 'hangjongeren in de buurt', 'wijkagent/wijkagent', 'jongerenwerk/inloop'),
  kaart('jongeren', 'soa test', 'ggd/seksuele-gezondheid'),
  kaart('professionals', 'ots', 'jeugdbescherming/maatregel'),
  kaart('professionals', 'thuiszitter', 'leerplicht/leerplicht', 'passend-onderwijs/ondersteuning'),
  kaart('jongeren', 'ik word gepest', 'schoolmaatschappelijk-werk/smw', 'kindertelefoon/bellen-en-chatten'),
  kaart('ouders', 'druk kind adhd', 'jeugd-ggz/behandeling'),
  kaart('ouders', 'driftbuien', 'opvoedspreekuur/spreekuur'),
  kaart('professionals', 'cliëntondersteuning', 'mee/clientondersteuning'),
];
