'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { describeSummary, type GuestSummary } from '@/lib/account/guest-merge';
import { FormFooter } from './form-parts';
import { api } from '@/app/ui/api-client';

/**
 * Shown to a signed-in learner whose browser still holds guest progress: signing in shows the
 * account's progress, and the guest's waits here until the learner chooses to add it (on a shared
 * computer it may be someone else's).
 */
export function GuestProgressOffer({ guest, onDone }: { guest: GuestSummary; onDone: (message: string) => void }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  /** Sends the offer's answer: POST adds the guest to the account, DELETE discards it. */
  const answer = async (method: 'POST' | 'DELETE') => {
    setBusy(true);
    setError('');
    const result = method === 'POST' ? await api.mergeGuest() : await api.discardGuest();
    setBusy(false);
    const moved = result.ok ? result.value?.moved : undefined;
    if (!result.ok || (method === 'POST' && !moved)) {
      const message = result.ok || typeof result.details.error !== 'string' ? `The server answered ${result.status}. Try again.` : result.details.error;
      return setError(result.status === 0 ? 'Could not reach the server. Check your connection and try again.' : message);
    }
    onDone(moved ? `Added to your account: ${describeSummary(moved)}.` : 'This browser’s guest progress was discarded.');
    router.refresh();
  };

  return (
    <form
      className="account-form"
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void answer('POST');
      }}
      aria-labelledby="guest-offer-heading"
    >
      <h2 id="guest-offer-heading">Progress from this browser</h2>
      <p>
        Before you signed in, this browser was used as a guest: <strong data-testid="guest-summary">{describeSummary(guest)}</strong>. It is not in your account. Add it if it is yours:
        nothing in your account is lost (a completed lesson or a right answer stays), and where both have the same draft or card, the more recent one is kept. If it is not
        yours, discard it: that deletes it and leaves your account as it is.
      </p>
      <FormFooter busy={busy} error={error} label="Add it to my account">
        <button type="button" className="button" onClick={() => void answer('DELETE')} disabled={busy}>
          Discard it
        </button>
      </FormFooter>
    </form>
  );
}
