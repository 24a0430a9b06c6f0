'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Field, FormFooter } from './form-parts';
import { postAuth } from './post-auth';
import './account.css';

/** Asks for a reset link. The answer never says whether the address has an account. */
export function ForgotPasswordForm() {
  const [state, setState] = useState<{ busy: boolean; error: string; sentTo: string }>({ busy: false, error: '', sentTo: '' });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email'));
    setState({ busy: true, error: '', sentTo: '' });
    const result = await postAuth('/request-password-reset', { email });
    setState(result.ok ? { busy: false, error: '', sentTo: email } : { busy: false, error: result.message, sentTo: '' });
  };
  return (
    <form className="account-form" onSubmit={(event) => void submit(event)} aria-labelledby="forgot-heading">
      <h2 id="forgot-heading">Reset your password</h2>
      <p className="muted">Enter the email you signed up with. If it has an account, a link to choose a new password arrives within a minute; it works once, for an hour.</p>
      <Field label="Email" name="email" type="email" autoComplete="username" required />
      <FormFooter busy={state.busy} error={state.error} label="Email me a reset link" />
      <p role="status" className="account-notice" data-testid="reset-requested">
        {state.sentTo && `If ${state.sentTo} has an account, the link is on its way. Check your spam folder too.`}
      </p>
    </form>
  );
}

/** Sets a new password with the token from the emailed link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string; done: boolean }>({ busy: false, error: '', done: false });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const newPassword = String(data.get('newPassword'));
    if (newPassword !== String(data.get('repeatPassword'))) return setState({ busy: false, error: 'The two passwords differ. Type the same one twice.', done: false });
    setState({ busy: true, error: '', done: false });
    const result = await postAuth('/reset-password', { token, newPassword });
    if (result.ok) return setState({ busy: false, error: '', done: true });
    const expired = /invalid.?token/i.test(result.message);
    setState({ busy: false, error: expired ? 'This link has expired or was already used. Ask for a new one below.' : result.message, done: false });
  };
  if (state.done) {
    return (
      <p role="status" className="account-notice" data-testid="reset-done">
        Your password was changed and every device was signed out. <Link href="/account">Sign in with the new password</Link>.
      </p>
    );
  }
  return (
    <form className="account-form" onSubmit={(event) => void submit(event)} aria-labelledby="reset-heading">
      <h2 id="reset-heading">Choose a new password</h2>
      <Field label="New password (at least 10 characters)" name="newPassword" type="password" autoComplete="new-password" required minLength={10} maxLength={128} />
      <Field label="New password again" name="repeatPassword" type="password" autoComplete="new-password" required minLength={10} maxLength={128} />
      <FormFooter busy={state.busy} error={state.error} label="Set the new password">
        {state.error && <Link href="/account/forgot-password">Ask for a new link</Link>}
      </FormFooter>
    </form>
  );
}
