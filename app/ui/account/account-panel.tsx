'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { GuestSummary } from '@/lib/account/guest-merge';
import { DataControls } from './data-controls';
import { Field, FormFooter } from './form-parts';
import { GuestProgressOffer } from './guest-progress-offer';
import { postAuth } from './post-auth';
import './account.css';

interface Props {
  account: { email: string; name: string } | null;
  /** Signed in on a browser that holds guest progress: what it holds. */
  guest?: GuestSummary;
}

/** Signed out: sign up (keeping this device's progress) or sign in. Signed in: the account's controls. */
export function AccountPanel({ account, guest }: Props) {
  return account ? <SignedIn account={account} guest={guest} /> : <SignedOut />;
}

function SignedOut() {
  const [mode, setMode] = useState<'sign-up' | 'sign-in'>('sign-up');
  return (
    <>
      <p>
        You are learning as a guest: your progress is kept in this browser, under a random id. Sign up to keep it on every device, or sign in to an account you
        already have.
      </p>
      <div className="account-tabs" role="group" aria-label="Sign up or sign in">
        <button type="button" className={`button${mode === 'sign-up' ? ' primary' : ''}`} aria-pressed={mode === 'sign-up'} onClick={() => setMode('sign-up')}>
          New here
        </button>
        <button type="button" className={`button${mode === 'sign-in' ? ' primary' : ''}`} aria-pressed={mode === 'sign-in'} onClick={() => setMode('sign-in')}>
          I have an account
        </button>
      </div>
      {mode === 'sign-up' ? <SignUpForm /> : <SignInForm />}
      <DataControls signedIn={false} />
    </>
  );
}

function SignUpForm() {
  const form = useAuthForm('/sign-up/email', (data) => {
    const email = String(data.get('email'));
    return { email, password: String(data.get('password')), name: String(data.get('name') || email.split('@')[0]) };
  });
  return (
    <form className="account-form" onSubmit={form.submit} aria-labelledby="sign-up-heading">
      <h2 id="sign-up-heading">Create an account</h2>
      <p className="muted">Everything you have done here so far moves into the account.</p>
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      <Field label="Name (optional)" name="name" type="text" autoComplete="nickname" maxLength={80} />
      <Field label="Password (at least 10 characters)" name="password" type="password" autoComplete="new-password" required minLength={10} maxLength={128} />
      <FormFooter busy={form.busy} error={form.error} label="Sign up" />
    </form>
  );
}

function SignInForm() {
  const form = useAuthForm('/sign-in/email', (data) => ({ email: String(data.get('email')), password: String(data.get('password')) }));
  return (
    <form className="account-form" onSubmit={form.submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in</h2>
      <p className="muted">You will see the account&rsquo;s progress. What this browser did as a guest is kept apart, and you can add it to the account after signing in.</p>
      <Field label="Email" name="email" type="email" autoComplete="username" required />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <FormFooter busy={form.busy} error={form.error} label="Sign in">
        <Link href="/account/forgot-password">Forgot your password?</Link>
      </FormFooter>
    </form>
  );
}

function SignedIn({ account, guest }: { account: { email: string; name: string }; guest?: GuestSummary }) {
  const router = useRouter();
  const [notice, setNotice] = useState('');
  const [guestNotice, setGuestNotice] = useState('');
  const signOut = useAuthForm('/sign-out', () => ({}), () => router.refresh());
  const password = useAuthForm(
    '/change-password',
    (data) => ({ currentPassword: String(data.get('currentPassword')), newPassword: String(data.get('newPassword')), revokeOtherSessions: true }),
    (form) => {
      form.reset();
      setNotice('Password changed. Other devices were signed out.');
    },
  );
  return (
    <>
      <p data-testid="signed-in-as">
        Signed in as <strong>{account.email}</strong>. Your progress, drafts and drill history are kept in your account.
      </p>
      {guest && <GuestProgressOffer guest={guest} onDone={setGuestNotice} />}
      <p role="status" className="account-notice guest-merged" data-testid="guest-merged">
        {guestNotice}
      </p>
      <form onSubmit={signOut.submit}>
        <FormFooter busy={signOut.busy} error={signOut.error} label="Sign out" plain />
      </form>
      <form className="account-form" onSubmit={password.submit} aria-labelledby="password-heading">
        <h2 id="password-heading">Change your password</h2>
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
        <Field label="New password (at least 10 characters)" name="newPassword" type="password" autoComplete="new-password" required minLength={10} maxLength={128} />
        <FormFooter busy={password.busy} error={password.error} label="Change password" />
        <p role="status" className="account-notice">
          {notice}
        </p>
      </form>
      <DataControls signedIn />
    </>
  );
}

/** Posts a form to one of better-auth's endpoints and reloads the page's data on success. */
function useAuthForm(path: string, body: (data: FormData) => object, onSuccess?: (form: HTMLFormElement) => void) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setError('');
    const result = await postAuth(path, body(new FormData(form)));
    setBusy(false);
    if (!result.ok) return setError(result.message);
    if (onSuccess) onSuccess(form);
    else router.refresh();
  };
  return { submit: (event: FormEvent<HTMLFormElement>) => void submit(event), busy, error };
}
