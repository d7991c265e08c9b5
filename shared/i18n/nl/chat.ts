/**
 * UI strings of the anonymous chat (`/jongeren/chat/`): they speak to a young person ("je"), short
 * and warm. The counsellors' console shows the conversation strings too (its own are in ./console.ts).
 */
export const chatStrings = {
  // Page
  'chat.pageTitle': 'Anoniem chatten met het CJG',
  'chat.pageDescription': 'Chat anoniem met een medewerker van het CJG. Je hoeft je naam niet te zeggen en je gesprek wordt niet bewaard.',
  'chat.lead': 'Zit je ergens mee? Chat met iemand van het CJG. Je hoeft niet te zeggen wie je bent.',
  'chat.noscript': 'De chat werkt alleen met JavaScript aan. Je kunt ook bellen met een van de nummers hieronder.',
  'chat.loading': 'De chat wordt geladen…',

  // What is and isn't kept
  'chat.privacy.title': 'Wat we wel en niet bewaren',
  'chat.privacy.noName': 'Je hoeft geen naam, e-mail of account te geven.',
  'chat.privacy.noIp': 'We bewaren je IP-adres niet en gebruiken geen cookies.',
  'chat.privacy.deleted':
    'Je berichten worden gewist als het gesprek klaar is. Valt je verbinding weg? Dan bewaren we het gesprek een paar minuten, zodat je verder kunt.',
  'chat.privacy.tab': 'Alleen dit tabblad onthoudt een willekeurige code, zodat je na een storing verder kunt. Met "Stoppen" of "Snel weg" wis je die code.',
  'chat.privacy.save': 'Wil je het gesprek zelf houden? Kies dan "Bewaar dit gesprek". Dat bestand staat alleen op jouw apparaat.',
  'chat.privacy.counted': 'We tellen alleen hoeveel gesprekken er zijn, hoe lang het wachten duurde en hoe tevreden mensen waren. Zonder namen of berichten.',
  'chat.privacy.colleague': 'Soms leest een ervaren collega mee, om je zo goed mogelijk te helpen. Dat zie je dan in de chat.',
  'chat.privacy.danger': 'Denkt de medewerker dat je leven in gevaar is? Dan bespreekt die met je wat je kunt doen, bijvoorbeeld 112 of 113 bellen.',

  // Before start
  'chat.start.title': 'Begin een gesprek',
  'chat.start.intro': 'Je mag kiezen waar het over gaat en hoe oud je bent. Dat hoeft niet. Het helpt ons wel om je beter te helpen.',
  'chat.start.topic': 'Waar gaat het over?',
  'chat.start.age': 'Hoe oud ben je?',
  'chat.start.promise': 'Je bent anoniem. We vragen geen naam en bewaren je IP-adres niet. Je berichten worden gewist na het gesprek.',
  'chat.start.promiseLink': 'Lees wat we wel en niet bewaren',
  'chat.start.skip': 'Zeg ik liever niet',
  'chat.start.button': 'Start de chat',
  'chat.start.starting': 'Even geduld…',

  // Status
  'chat.closed.title': 'De chat is nu gesloten',
  'chat.closed.opensAt': 'De chat gaat weer open: {when}.',
  'chat.closed.hours': 'Openingstijden van de chat',
  'chat.busy.title': 'Het is nu heel druk',
  'chat.busy.text':
    'Er wachten nu te veel mensen. Je kunt het over een tijdje opnieuw proberen. Wil je nu met iemand praten? Bel of chat dan met een van deze lijnen.',
  'chat.busy.retry': 'Probeer opnieuw',
  'chat.unavailable': 'De chat is nu niet bereikbaar. Probeer het later opnieuw, of bel een van de lijnen hieronder.',
  'chat.linesNow.later': 'Nu dicht, later weer open:',

  // Waiting
  'chat.waiting.title': 'Je bent in de wachtrij',
  'chat.waiting.position': 'Je bent nummer {n} in de rij.',
  'chat.waiting.next': 'Jij bent de volgende.',
  'chat.waiting.estimate': 'Geschatte wachttijd: {wait}.',
  'chat.waiting.unknown': 'nog niet bekend',
  'chat.waiting.calm': 'Je hoeft niets te doen. Staat dit tabblad op de achtergrond? Dan zie je in de titel van het tabblad als er iemand voor je klaar is.',
  'chat.waiting.readMeanwhile': 'Lees ondertussen',
  'chat.waiting.readTopic': 'Lees ondertussen over {topic}',
  'chat.waiting.newTab': '(opent in een nieuw tabblad, je plek in de rij blijft)',
  'chat.wait.lessThanMinute': 'minder dan een minuut',
  'chat.wait.oneMinute': 'ongeveer 1 minuut',
  'chat.wait.minutes': 'ongeveer {n} minuten',
  'chat.wait.long': 'meer dan {n} minuten',
  'chat.stop': 'Stoppen',
  'chat.stop.confirm': 'Weet je zeker dat je wilt stoppen? Je plek in de rij of je gesprek is dan weg.',
  'chat.stop.yes': 'Ja, stoppen',
  'chat.stop.no': 'Nee, ga door',

  // Conversation
  'chat.conversation.title': 'Je gesprek',
  'chat.conversation.with': 'Je gesprek met {name}',
  'chat.conversation.joined': '{name} praat nu met je.',
  'chat.conversation.log': 'Berichten',
  'chat.you': 'Jij',
  'chat.counsellorFallback': 'Medewerker',
  'chat.system': 'Melding',
  'chat.log.newBelow': 'Nieuwe berichten',
  'chat.typing': '{name} is aan het typen…',
  'chat.composer.label': 'Je bericht',
  'chat.composer.hint': 'Enter = versturen. Shift + Enter = nieuwe regel.',
  'chat.composer.send': 'Versturen',
  'chat.composer.counter': 'Nog {n} tekens over',
  'chat.composer.tooLong': 'Je bericht is {n} tekens te lang. Maak het korter of stuur het in twee delen.',
  'chat.composer.empty': 'Typ eerst een bericht.',
  'chat.composer.notConnected': 'Je bericht is niet verstuurd, want de verbinding is weg. Je tekst staat er nog. Probeer het zo opnieuw.',
  'chat.end': 'Gesprek beëindigen',
  'chat.end.confirm': 'Wil je het gesprek beëindigen?',
  'chat.end.yes': 'Ja, beëindigen',
  'chat.save': 'Bewaar dit gesprek',
  'chat.save.done': 'Het gesprek staat nu als tekstbestand op je apparaat.',
  'chat.save.filename': 'cjg-chat-{date}.txt',
  'chat.save.header': 'Chat met {cjg} op {date}. Dit bestand staat alleen op jouw apparaat. Het CJG heeft geen kopie.',

  // Notices
  'chat.notice.transferred': 'Je praat nu met een andere medewerker: {name}. Die kan lezen wat jullie al schreven.',
  'chat.notice.requeued': 'De medewerker is even weg. Je staat vooraan in de rij. Zo praat je verder met iemand anders.',
  'chat.notice.reconnecting': 'De verbinding is even weg. We proberen het opnieuw…',
  'chat.notice.resumed': 'Je bent terug in je gesprek.',
  'chat.notice.resumedQueue': 'Je bent terug op je plek in de rij.',
  'chat.notice.expired': 'Je vorige gesprek is afgelopen. Je kunt een nieuw gesprek beginnen.',
  'chat.notice.endedByCounsellor': 'De medewerker heeft het gesprek beëindigd.',
  'chat.notice.endedByYou': 'Je hebt het gesprek beëindigd.',
  'chat.notice.blocked': 'Je kunt deze chat nu niet gebruiken. Wil je met iemand praten? Bel dan een van de lijnen hieronder.',
  'chat.notice.newMessage': 'Nieuw bericht',
  'chat.notice.colleagueReading': 'Een collega leest mee om je zo goed mogelijk te helpen.',
  'chat.notice.colleagueStopped': 'De collega leest niet meer mee.',
  'chat.colleague': 'collega',
  'chat.outbox.sending': 'wordt verstuurd',
  'chat.outbox.unsent': 'Dit had je nog geschreven, maar het is niet meer verstuurd. Alleen jij ziet het:',
  'chat.outbox.failed': 'Dit bericht kon niet worden verstuurd: {reason} De tekst staat weer in je berichtveld.',

  // After the chat
  'chat.ended.title': 'Het gesprek is klaar',
  'chat.ended.text': 'Je berichten worden nu gewist. Wil je ze houden? Bewaar het gesprek dan eerst op je apparaat.',
  'chat.ended.again': 'Nieuw gesprek beginnen',
  'chat.feedback.title': 'Hoe was het gesprek?',
  'chat.feedback.intro': 'Eén klik, anoniem. We tellen alleen het aantal.',
  'chat.feedback.1': 'Heel slecht',
  'chat.feedback.2': 'Slecht',
  'chat.feedback.3': 'Gaat wel',
  'chat.feedback.4': 'Goed',
  'chat.feedback.5': 'Heel goed',
  'chat.feedback.thanks': 'Dank je wel! Dat helpt ons om de chat beter te maken.',
  'chat.feedback.failed': 'Dat lukte niet. Het geeft niet: je hoeft niets te doen.',

  // Errors
  'chat.error.generic': 'Er ging iets mis. Probeer het opnieuw.',

  // Links to "Stel je vraag" while the chat is closed, busy or slow (AskLink)
  'vraag.link.chatClosed': 'Liever schrijven? Stel je vraag, dan krijg je binnen een paar werkdagen een persoonlijk antwoord.',
  'vraag.link.chatBusy': 'Geen zin om te wachten? Stel je vraag. Je krijgt een persoonlijk antwoord.',
  'vraag.link.waiting': 'Duurt het te lang? Stel je vraag en lees later het antwoord.',
} as const;
