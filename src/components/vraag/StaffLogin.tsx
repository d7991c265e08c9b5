import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/nl.ts';
import { saveStaffSession, staffLogin, type StaffSession } from '../../lib/staff-session.ts';

/** The staff login (same endpoint and tab-only session as the console and the figures). */
export function StaffLogin({ onLogin }: { onLogin(session: StaffSession): void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const name = String(data.get('naam') ?? '').trim();
    const password = String(data.get('wachtwoord') ?? '');
    if (!name || !password) return setError(t('console.login.missing'));
    setBusy(true);
    setError('');
    try {
      const body = await staffLogin(name, password);
      if (!body.ok) return setError(body.error);
      const session = { token: body.token, name: body.name, role: body.role };
      saveStaffSession(session);
      onLogin(session);
    } catch {
      setError(t('console.login.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="vragen-login" aria-labelledby="vragen-login-titel">
      <h2 id="vragen-login-titel">{t('console.login.title')}</h2>
      <form onSubmit={submit} method="post" class="vragen-form">
        <div class="vraag-field">
          <label for="vragen-naam">{t('console.login.name')}</label>
          <input id="vragen-naam" name="naam" type="text" autocomplete="username" autocapitalize="none" spellcheck={false} required />
        </div>
        <div class="vraag-field">
          <label for="vragen-wachtwoord">{t('console.login.password')}</label>
          <input id="vragen-wachtwoord" name="wachtwoord" type="password" autocomplete="current-password" required />
        </div>
        <p class="vraag-field__error" role="alert">
          {error}
        </p>
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('console.login.busy') : t('console.login.submit')}
        </button>
      </form>
    </section>
  );
}
