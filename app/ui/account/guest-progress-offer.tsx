'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { describeSummary, type GuestSummary } from '@/lib/account/guest-merge';
import { FormFooter } from './form-parts';

/**
 * Shown to a signed-in learner whose browser still holds guest progress: signing in shows the
 * account's progress, and the guest's waits here until the learner chooses to add it (on a shared
 * computer it may be someone else's).
 */
export function GuestProgressOffer({ guest, onMerged }: { guest: GuestSummary; onMerged: (message: string) => void }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const merge = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const response = await fetch('/api/account/guest', { method: 'POST' });
      const body = (await response.json().catch(() => ({}))) as { moved?: GuestSummary; error?: string };
      if (!response.ok || !body.moved) throw new Error(body.error ?? `The server answered ${response.status}. Try again.`);
      onMerged(`Added to your account: ${describeSummary(body.moved)}.`);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof TypeError ? 'Could not reach the server. Check your connection and try again.' : (caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="account-form" onSubmit={(event) => void merge(event)} aria-labelledby="guest-offer-heading">
      <h2 id="guest-offer-heading">Progress from this browser</h2>
      <p>
        Before you signed in, this browser was used as a guest: <strong data-testid="guest-summary">{describeSummary(guest)}</strong>. It is not in your account. Add it if it is yours:
        nothing in your account is lost (a completed lesson or a right answer stays), and where both have the same draft or card, the more recent one is kept.
      </p>
      <FormFooter busy={busy} error={error} label="Add it to my account" />
    </form>
  );
}
