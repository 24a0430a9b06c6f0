'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { postAuth } from './post-auth';
import { api } from '@/app/ui/api-client';

/** Export, import and delete: for a guest, this browser's data; signed in, the account's. */
export function DataControls({ signedIn }: { signedIn: boolean }) {
  const router = useRouter();
  const file = useRef<HTMLInputElement>(null);
  const [importState, setImportState] = useState<{ busy: boolean; message: string; failed: boolean }>({ busy: false, message: '', failed: false });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState('');
  const [deleting, setDeleting] = useState(false);
  const whose = signedIn ? 'your account' : 'this browser';

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    setImportState({ busy: true, message: 'Importing…', failed: false });
    try {
      const result = await api.importData(await chosen.text());
      if (result.status === 0) setImportState({ busy: false, message: 'Could not read the file or reach the server.', failed: true });
      else if (!result.ok) setImportState({ busy: false, message: typeof result.details.error === 'string' ? result.details.error : `The import failed (${result.status}).`, failed: true });
      else {
        setImportState({ busy: false, message: `Imported ${chosen.name}: ${whose} now holds what the file holds.`, failed: false });
        router.refresh();
      }
    } catch {
      setImportState({ busy: false, message: 'Could not read the file or reach the server.', failed: true });
    } finally {
      if (file.current) file.current.value = '';
    }
  };

  const deleteEverything = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDeleting(true);
    setDeleteError('');
    if (signedIn) {
      const result = await postAuth('/delete-user', { password: String(new FormData(event.currentTarget).get('password')) });
      setDeleting(false);
      if (!result.ok) return setDeleteError(result.message);
    } else {
      const result = await api.deleteData();
      setDeleting(false);
      if (!result.ok) return setDeleteError('Could not delete your data. Try again.');
    }
    setConfirmDelete(false);
    router.refresh();
  };

  return (
    <section className="account-data" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p>
        <a className="button" href="/api/account/export" download data-testid="export">
          Export as JSON
        </a>{' '}
        {/* The input stays in the tab order (hidden only visually); its label shows the focus ring. */}
        <input id="import-file" ref={file} type="file" accept="application/json,.json" className="visually-hidden" onChange={(event) => void importFile(event)} disabled={importState.busy} data-testid="import" />
        <label className="button" htmlFor="import-file">
          {importState.busy ? 'Importing…' : 'Import a JSON export…'}
        </label>
      </p>
      <p className="muted">Importing replaces what {whose} holds with the file&rsquo;s contents.</p>
      <p role="status" className={importState.failed ? 'account-error' : 'account-notice'}>
        {importState.message}
      </p>
      {confirmDelete ? (
        <form className="account-form danger-zone" onSubmit={(event) => void deleteEverything(event)} aria-labelledby="delete-heading">
          <h3 id="delete-heading">Delete {signedIn ? 'your account' : 'this browser’s data'}?</h3>
          <p>Every lesson tick, quiz answer, draft, submission and drill record goes, and cannot be brought back. Export first if you may want it.</p>
          {signedIn && (
            <div className="account-field">
              <label htmlFor="delete-password">Your password, to confirm</label>
              <input id="delete-password" name="password" type="password" autoComplete="current-password" required />
            </div>
          )}
          <div className="account-footer">
            <button type="submit" className="button danger" disabled={deleting}>
              {deleting ? 'Deleting…' : 'Delete everything'}
            </button>
            <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
          </div>
          {deleteError && (
            <p className="account-error" role="alert">
              {deleteError}
            </p>
          )}
        </form>
      ) : (
        <button type="button" className="button" onClick={() => setConfirmDelete(true)} data-testid="delete-start">
          {signedIn ? 'Delete my account…' : 'Delete this browser’s data…'}
        </button>
      )}
    </section>
  );
}
