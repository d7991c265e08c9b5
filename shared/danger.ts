/**
 * Does a text (a question, a search, a chat line) suggest acute danger (suicide, self-harm, violence or abuse now)? We cannot reach
 * the young person, so when it does, they see the crisis lines right after sending and the question
 * is flagged for a supervisor. It errs on the side of flagging: a false alarm costs a supervisor a
 * look, a miss can cost more. It is a list of phrases young people actually write (with the usual
 * spellings, abbreviations and missing accents), not a classifier; the counsellor still reads all.
 */

/** Lower case, no accents, letters and digits only, single spaces, common chat spellings written out. */
export function normaliseForDanger(text: string): string {
  return ` ${text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(mn|m n|mijn)\b/g, 'mijn')
    .replace(/\b(k|ik)\b/g, 'ik')
    .replace(/\bwillen\b/g, 'wil')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

const PATTERNS: readonly RegExp[] = [
  // Suicide
  /\bzelfmoord/,
  /\bsuicid/,
  /\bsuicide\b/,
  /\bzelfdoding\b/,
  /\b(wil|wilt) (graag |echt |gewoon |liever |het liefst )?dood\b/,
  /\bwil (niet|nie|ni) meer (leven|bestaan|wakker worden)\b/,
  // "soms wil ik er niet meer zijn": the word order of a sentence that starts with something else.
  /\bwil (ik )?er (gewoon |echt |soms )?(niet|nie|ni) meer zijn\b/,
  /\b(niet meer|nie meer) (wil )?leven\b/,
  /\b(een )?(eind|einde) (aan|van) (maken|mijn leven|het leven|alles)\b/,
  /\ber (een )?(eind|einde) aan\b/,
  /\b(mezelf|mijzelf) (van kant|dood|ophangen|doodmaken|om het leven)\b/,
  /\bme (van kant|ophangen|doodmaken|dood maken|om het leven)\b/,
  /\bvan kant maken\b/,
  /\b(mezelf )?ophangen\b/,
  /\bvoor (de|een) trein\b/,
  /\b(van|vanaf|af) (een |de |het )?(flat|brug|dak|gebouw) (af )?springen\b/,
  /\bwil sterven\b/,
  /\bkms\b/,
  /\bkill (myself|mezelf)\b/,
  /\bafscheidsbrief/,
  /\boverdosis\b/,
  /\b(alle|allemaal|veel|hoop|doosje?|strip|potje)\b.{0,30}\b(pillen|tabletten|paracetamol)\b.{0,40}\b(slikken|innemen|nemen)\b/,
  /\b(pillen|tabletten|paracetamol)\b.{0,30}\b(allemaal|tegelijk) (slikken|innemen|nemen)\b/,
  // Self-harm
  /\bzelfbeschadig/,
  /\b(mezelf|mijzelf|me) (snijden|snij|krassen|kras|pijn doen|iets aandoen|wat aandoen|beschadigen|branden)\b/,
  /\bik (snij|kras) (mezelf|me|in mijn)\b/,
  // Violence and abuse at home or elsewhere
  /\b(slaat|sloeg|schopt|schopte|stompt|slaan|schoppen) (mij|me)\b/,
  /\b(word|wordt|werd|worden|ben|is) (ik |hij |zij |ze )?(thuis |vaak |soms |steeds |elke dag |weer )?(geslagen|geschopt|mishandeld|misbruikt|verkracht|aangerand|bedreigd)\b/,
  /\b(geslagen|geschopt|mishandeld|misbruikt) door\b/,
  /\b(slaat|sloeg|schopt|schopte) (mijn|ons|onze|haar|hem)\b/,
  /\bmishandel/,
  /\bmisbruik(t|te)? (mij|me)\b/,
  /\bseksueel misbruik/,
  /\bverkracht/,
  /\baangerand/,
  /\b(dwingt|dwong|dwingen) (mij|me) (tot|om)\b/,
  /\b(durf|durft) (niet|nie) (meer )?(naar huis|thuis)\b/,
  /\b(wil|wilt|gaat|ging) (mij|me) (vermoorden|doodmaken|dood maken|iets aandoen)\b/,
  /\bbedreigt (mij|me)\b/,
  /\b(ben|zijn) (nu )?in gevaar\b/,
  /\b(heeft|had) een (mes|wapen|pistool)\b/,
  // Added from the search review: how young people type it into a search box.
  /\b(wil|ga|gaat) (van (iets|een gebouw|het dak) )?springen\b/,
  /\b(pillen|tabletten|paracetamol) (geslikt|ingenomen|genomen)\b/,
  /\b(me|mezelf|mijzelf) (kapot|stuk) (maken|maak)\b/,
  /\bgeen zin meer in (alles|het leven|leven|niks)\b/,
  /\b(afgeperst|afpersing|chanteert|chantage|sextortion)\b/,
  /\b(nudes?|naaktfotos?) .{0,30}\b(delen|verspreiden|doorsturen|online zetten|posten)\b/,
  /\b(iemand|hij|zij|ze) (heeft|hebben) (mijn )?(nudes?|naaktfotos?)\b/,
];

export function suggestsDanger(text: string): boolean {
  const normal = normaliseForDanger(text);
  return PATTERNS.some((pattern) => pattern.test(normal));
}
