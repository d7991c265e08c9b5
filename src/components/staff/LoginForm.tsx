import { useEffect, useState } from 'preact/hooks';
import { t } from './strings.ts';
import { formText } from '../../lib/form-text.ts';

interface Props {
  /** Heading of the form, e.g. "Inloggen" or "Inloggen voor de cijfers". */
  title: string;
  error: string;
  busy: boolean;
  onLogin: (name: string, password: string) => void;
}

/** The one staff login form, for the console and the figures. A failed login keeps the name. */
export function LoginForm({ title, error, busy, onLogin }: Props) {
  // The button works once the script runs: a form sent without it would reach no login at all.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <section class="staff-login" aria-labelledby="login-titel">
      <h2 id="login-titel">{title}</h2>
      <form
        method="post"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          onLogin(formText(data, 'naam'), formText(data, 'wachtwoord'));
        }}
      >
        <div class="staff-field">
          <label for="login-naam">{t('console.login.name')}</label>
          <input id="login-naam" name="naam" type="text" autocomplete="username" autocapitalize="none" spellcheck={false} required />
        </div>
        <div class="staff-field">
          <label for="login-wachtwoord">{t('console.login.password')}</label>
          <input id="login-wachtwoord" name="wachtwoord" type="password" autocomplete="current-password" required />
        </div>
        <p class="staff-error" role="alert">
          {error}
        </p>
        <button type="submit" class="button" disabled={busy || !ready}>
          {busy ? t('console.login.busy') : t('console.login.submit')}
        </button>
      </form>
    </section>
  );
}
