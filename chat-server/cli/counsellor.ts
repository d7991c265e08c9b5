/**
 * Counsellor accounts, for the CJG's administrator:
 *   npm run counsellor -- add NAME [--role supervisor|activities]   (password from stdin: typed without echo, or piped)
 *   npm run counsellor -- passwd NAME                     (new password from stdin; ends that person's logins)
 *   npm run counsellor -- role NAME counsellor|supervisor|activities (ends that person's logins)
 *   npm run counsellor -- remove NAME
 *   npm run counsellor -- list
 * Accounts live in ${CJG_DATA_DIR:-./data}/counsellors.json; a running server picks up changes.
 */
import { fileURLToPath } from 'node:url';
import { addAccount, accountsPath, readAccounts, removeAccount, setAccountPassword, setAccountRole } from '../accounts/account-file.ts';
import { hashPassword } from '../accounts/password.ts';
import { dataDirFromEnv } from '../config.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, STAFF_ROLES, type StaffRole } from '../../shared/protocol/limits.ts';
import { counsellorName, newAccountName } from '../../shared/protocol/schemas.ts';

const USAGE = `Gebruik:
  npm run counsellor -- add NAAM [--role supervisor|activities]
                                                       nieuw account; het wachtwoord lees ik van de invoer
  npm run counsellor -- passwd NAAM                    nieuw wachtwoord; het wachtwoord lees ik van de invoer
  npm run counsellor -- role NAAM counsellor|supervisor|activities
                                                       andere rol: medewerker (chat en vragen), leidinggevende
                                                       (ook cijfers en aanmeldingen) of activiteiten (alleen
                                                       de aanmeldingen voor activiteiten, geen chat)
  npm run counsellor -- remove NAAM                    account verwijderen
Na passwd, role of remove stoppen de sessies van die persoon meteen.
  npm run counsellor -- list                           accounts tonen
Accounts staan in \${CJG_DATA_DIR:-./data}/counsellors.json.`;

/** Reads one line without echo from a terminal. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          stdin.setRawMode(false);
          process.stderr.write('\n');
          reject(new Error('Afgebroken.'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of piped input. */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function readPassword(): Promise<string> {
  let password: string;
  if (!process.stdin.isTTY) password = await readPiped();
  else {
    password = await promptHidden('Wachtwoord: ');
    const second = await promptHidden('Nog een keer: ');
    if (password !== second) throw new Error('De twee wachtwoorden zijn niet gelijk. Er is niets veranderd.');
  }
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens hebben. Er is niets veranderd.`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new Error('Het wachtwoord is te lang. Er is niets veranderd.');
  return password;
}

function parseRole(value: string | undefined): StaffRole {
  if (!STAFF_ROLES.includes(value as StaffRole)) throw new Error(`Onbekende rol "${value ?? ''}". Kies: ${STAFF_ROLES.join(', ')}.`);
  return value as StaffRole;
}

const ROLE_TEXT: Record<StaffRole, string> = { counsellor: 'medewerker', supervisor: 'leidinggevende', activities: 'medewerker activiteiten' };
const roleText = (role: StaffRole) => ROLE_TEXT[role];

function parseName(words: string[]): string {
  const option = words.find((word) => word.startsWith('-'));
  if (option !== undefined) throw new Error(`Onbekende optie "${option}". Er is niets veranderd.\n\n${USAGE}`);
  const name = counsellorName.safeParse(words.join(' '));
  if (!name.success) throw new Error(`Naam klopt niet: ${name.error.issues[0]?.message ?? ''}\n\n${USAGE}`);
  return name.data;
}

async function main(args: string[]): Promise<number> {
  const dataDir = dataDirFromEnv(fileURLToPath(new URL('../..', import.meta.url)));
  const command = args.at(0);
  const rest = args.slice(1);
  if (command === 'list') {
    const accounts = readAccounts(dataDir);
    if (accounts.length === 0) process.stdout.write(`Nog geen accounts in ${accountsPath(dataDir)}.\n`);
    for (const a of accounts) process.stdout.write(`${a.name}\t${a.role}\t${a.createdAt}\n`);
    return 0;
  }
  if (command === 'role') {
    const role = parseRole(rest.pop());
    const name = parseName(rest);
    setAccountRole(dataDir, name, role);
    process.stdout.write(`"${name}" is nu ${roleText(role)}. Ingelogde sessies van "${name}" stoppen binnen een paar seconden.\n`);
    return 0;
  }
  if (command === 'passwd') {
    const name = parseName(rest);
    if (!readAccounts(dataDir).some((a) => a.name.toLowerCase() === name.toLowerCase())) throw new Error(`Er is geen account met de naam "${name}".`);
    setAccountPassword(dataDir, name, await hashPassword(await readPassword()));
    process.stdout.write(`Het wachtwoord van "${name}" is veranderd. Ingelogde sessies met het oude wachtwoord stoppen binnen een paar seconden.\n`);
    return 0;
  }
  if (command === 'add' || command === 'remove') {
    const roleIndex = command === 'add' ? rest.indexOf('--role') : -1;
    let role: StaffRole = 'counsellor';
    if (roleIndex >= 0) {
      role = parseRole(rest[roleIndex + 1]);
      rest.splice(roleIndex, 2);
    }
    const name = parseName(rest);
    if (command === 'remove') {
      if (!removeAccount(dataDir, name)) throw new Error(`Er is geen account met de naam "${name}".`);
      process.stdout.write(
        `Account "${name}" is verwijderd. Ingelogde sessies stoppen binnen een paar seconden; lopende gesprekken gaan terug naar de wachtrij.\n`,
      );
      return 0;
    }
    const fresh = newAccountName.safeParse(name);
    if (!fresh.success) throw new Error(`Naam klopt niet: ${fresh.error.issues[0]?.message ?? ''}`);
    if (readAccounts(dataDir).some((a) => a.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`Er is al een account met de naam "${name}".`);
    }
    const password = await readPassword();
    addAccount(dataDir, name, role, await hashPassword(password));
    process.stdout.write(`Account "${name}" (${roleText(role)}) is aangemaakt in ${accountsPath(dataDir)}.\n`);
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
