/**
 * UI strings of "Stel je vraag" (`/jongeren/vraag/`, `/jongeren/vraag/antwoord/`) and the counsellors'
 * "Vragen" page (`/medewerkers/vragen/`). Youth strings speak to a young person ("je"); `{days}` is the
 * answer promise from the site configuration.
 */
export const vraagStrings = {
  // Ask page
  'vraag.pageTitle': 'Stel je vraag',
  'vraag.pageDescription': 'Stel anoniem een vraag aan het CJG. Je krijgt een code waarmee je het antwoord leest. Geen naam, geen e-mail, geen account.',
  'vraag.lead': 'Is de chat dicht, of schrijf je liever rustig op wat er is? Stel je vraag. Iemand van het CJG schrijft je een persoonlijk antwoord.',
  'vraag.promise': 'We antwoorden binnen {days} werkdagen.',
  'vraag.promiseOne': 'We antwoorden binnen 1 werkdag.',
  'vraag.how.title': 'Zo werkt het',
  'vraag.how.write': 'Je schrijft je vraag. Je naam of e-mail hoeven we niet te weten.',
  'vraag.how.code': 'Je krijgt een code. Alleen met die code kun je het antwoord lezen. Wij bewaren de code niet.',
  'vraag.how.answer': 'Kom terug op de antwoordpagina en vul de code in. Je kunt daarna nog één keer iets terugvragen.',
  'vraag.how.delete': 'Je antwoord wordt {keep} dagen na het antwoord gewist. Je kunt het ook zelf meteen wissen.',
  'vraag.form.title': 'Je vraag',
  'vraag.form.text': 'Wat wil je vragen?',
  'vraag.form.textHint': 'Schrijf het zoals je het zou zeggen. Noem liever geen namen of adressen. Maximaal {max} tekens.',
  'vraag.form.topic': 'Waar gaat het over? (hoeft niet)',
  'vraag.form.age': 'Hoe oud ben je? (hoeft niet)',
  'vraag.form.skip': 'Zeg ik liever niet',
  'vraag.form.submit': 'Verstuur je vraag',
  'vraag.form.sending': 'Bezig met versturen…',
  'vraag.form.count': '{n} van {max} tekens',
  'vraag.privacy':
    'We bewaren geen IP-adres en gebruiken geen cookies. Je vraag staat versleuteld opgeslagen. Als we hebben geantwoord, kan alleen jouw code je vraag en het antwoord nog openen.',
  'vraag.privacyLink': 'Lees wat we wel en niet bewaren',
  'vraag.haveCode': 'Heb je al een code?',
  'vraag.haveCodeLink': 'Lees je antwoord',
  'vraag.error.summary': 'Er ging iets mis. Kijk hieronder wat je kunt doen.',
  'vraag.error.summaryTitle': 'Er is iets niet goed. Pas dit aan:',
  'vraag.error.titlePrefix': 'Fout:',
  'vraag.error.kept': 'Dit had je geschreven. Kopieer het als je het wilt bewaren:',

  // After sending
  'vraag.sent.title': 'Je vraag is verstuurd',
  'vraag.sent.codeLabel': 'Jouw code',
  'vraag.sent.keep':
    'Bewaar deze code goed. Schrijf hem op of maak een screenshot. We laten hem maar één keer zien en kunnen hem niet opnieuw maken. Zonder code kun je het antwoord niet lezen.',
  'vraag.sent.copy': 'Kopieer de code',
  'vraag.sent.copied': 'De code is gekopieerd.',
  'vraag.sent.copyFailed': 'Kopiëren lukte niet. Schrijf de code op.',
  'vraag.sent.due': 'Uiterlijk {when} staat je antwoord hier klaar. Eerder kijken mag ook: misschien zijn we sneller.',
  'vraag.sent.pickupLink': 'Naar de antwoordpagina',
  'vraag.sent.another': 'Nog een vraag stellen',
  'vraag.danger.title': 'Ben je nu in gevaar? Wacht niet op ons antwoord.',
  'vraag.danger.text':
    'Wat je schrijft klinkt ernstig. Wij kunnen jou niet bereiken: we weten niet wie je bent. Bel of chat nu met een van deze lijnen. Ze zijn gratis.',

  // Pickup page
  'antwoord.pageTitle': 'Lees je antwoord',
  'antwoord.pageDescription': 'Vul je code in en lees het antwoord van het CJG op je vraag.',
  'antwoord.lead': 'Vul de code in die je kreeg toen je je vraag stelde.',
  'antwoord.form.code': 'Jouw code',
  'antwoord.form.codeHint': '20 letters, bijvoorbeeld ABCD-EFGH-JKMN-PQRS-TUVW. Hoofdletters of kleine letters maakt niet uit.',
  'antwoord.form.submit': 'Lees mijn antwoord',
  'antwoord.form.checking': 'Even controleren…',
  'antwoord.noCode': 'Nog geen vraag gesteld?',
  'antwoord.noCodeLink': 'Stel je vraag',
  'antwoord.lostCode':
    'Ben je je code kwijt? Dan kunnen we je antwoord helaas niet laten zien: niemand kan de code opnieuw maken. Je kunt wel een nieuwe vraag stellen.',
  'antwoord.waiting.title': 'Nog geen antwoord',
  'antwoord.waiting.text': 'We hebben nog niet geantwoord. Uiterlijk {when} staat je antwoord hier klaar.',
  'antwoord.answered.title': 'Je vraag en ons antwoord',
  'antwoord.you': 'Jij',
  'antwoord.cjg': '{name} van het CJG',
  'antwoord.followUp.title': 'Nog iets terugvragen',
  'antwoord.followUp.intro': 'Je kunt één keer reageren op ons antwoord. Daarna kun je een nieuwe vraag stellen.',
  'antwoord.followUp.text': 'Jouw reactie',
  'antwoord.followUp.submit': 'Verstuur je reactie',
  'antwoord.followUp.sentTitle': 'Je vervolgvraag is verstuurd',
  'antwoord.followUp.sent': 'Uiterlijk {when} staat ons antwoord hier klaar. Kom dan terug en vul dezelfde code in. Eerder kijken mag ook.',
  'antwoord.followUp.last': 'Dit was je reactie op ons antwoord. Heb je hierna nog een vraag? Stel dan een nieuwe vraag.',
  'antwoord.waiting.followUpTitle': 'Je vervolgvraag wacht op ons antwoord',
  'antwoord.waiting.followUpText': 'We hebben je vervolgvraag ontvangen, maar nog niet beantwoord. Uiterlijk {when} staat ons antwoord hier klaar.',
  'antwoord.followUp.used': 'Je hebt al een keer gereageerd. Heb je nog een vraag? Stel dan een nieuwe vraag.',
  'antwoord.deleteAt': 'We wissen je vraag en ons antwoord op {when}.',
  'antwoord.delete.button': 'Verwijder mijn vraag',
  'antwoord.delete.confirm': 'Weet je het zeker? Je vraag en het antwoord worden meteen gewist. Dat kun je niet terugdraaien.',
  'antwoord.delete.yes': 'Ja, verwijder alles',
  'antwoord.delete.no': 'Nee, toch niet',
  'antwoord.delete.done': 'Je vraag en het antwoord zijn gewist. De code werkt niet meer.',
  'antwoord.delete.doneTitle': 'Je vraag is gewist',
  'antwoord.delete.doneText': 'Niemand kan je vraag of ons antwoord nog lezen, ook wij niet.',
  'antwoord.delete.next': 'Wil je toch nog iets vragen?',
  'antwoord.delete.chat': 'Chat anoniem met het CJG',
  'antwoord.delete.ask': 'Stel een nieuwe vraag',
  'antwoord.expired.title': 'We konden je vraag niet op tijd beantwoorden',
  'antwoord.expired.text':
    'Het spijt ons. Het is ons niet gelukt om op tijd te antwoorden, en daarom hebben we je vraag gewist. Wil je nu met iemand praten? Bel of chat dan met een van deze lijnen. Of stel je vraag opnieuw.',

  // Links from elsewhere
  'vraag.callout.title': 'Stel je vraag',
  'vraag.callout.text': 'Schrijf anoniem je vraag aan het CJG, wanneer het jou uitkomt. Met een code lees je later het antwoord.',

  // Errors (server and browser)
  'vraag.error.empty': 'Schrijf eerst je vraag.',
  'vraag.error.tooShort': 'Je vraag is wel erg kort. Schrijf minstens {min} tekens, dan kunnen we je beter helpen.',
  'vraag.error.tooLong': 'Je vraag is te lang. Hij mag maximaal {max} tekens hebben. Maak hem wat korter.',
  'vraag.error.codeMissing': 'Vul je code in.',
  'vraag.error.codeLength': 'Een code heeft 20 letters. Kijk of je hem helemaal goed hebt overgenomen.',
  'vraag.error.codeCharacter':
    'Een code heeft alleen letters, zonder cijfers. De letters I, L en O komen er niet in voor. Kijk of je hem goed hebt overgenomen.',
  'vraag.error.invalid': 'Dat verzoek klopt niet. Er is niets veranderd. Probeer het opnieuw.',
  'vraag.error.notFound': 'We vinden geen vraag bij deze code. Klopt de code? Misschien is de vraag al gewist.',
  'vraag.error.rateLimitedAsk':
    'Er zijn vanaf dit netwerk net veel vragen gesteld. Probeer het over {wait} opnieuw. Wil je nu met iemand praten? Bel dan een van de lijnen hieronder.',
  'vraag.error.throttled':
    'Er zijn vanaf dit netwerk te veel verkeerde codes ingevuld. Op school of op openbare wifi delen veel mensen één netwerk, dus dat kan ook door anderen komen. Je vraag en je code blijven bewaard. Probeer het over {wait} opnieuw, of gebruik je mobiele internet in plaats van de wifi. Wil je nu met iemand praten? Bel dan een van de lijnen hieronder.',
  'vraag.error.followUpUsed': 'Je hebt al een keer gereageerd op dit antwoord.',
  'vraag.error.notAnswered': 'Je kunt pas reageren als we hebben geantwoord.',
  'vraag.error.badOrigin': 'Dit formulier komt niet van de website van het CJG.',
  'vraag.error.internal': 'Er ging iets mis bij het versturen. Probeer het opnieuw. Lukt het niet? Bel dan een van de lijnen hieronder.',
  'vraag.error.unavailable': 'Vragen stellen lukt nu even niet. Probeer het over een paar minuten opnieuw.',
  'vraag.wait.seconds': '{n} seconden',
  'vraag.wait.minute': '1 minuut',
  'vraag.wait.minutes': '{n} minuten',
} as const;
