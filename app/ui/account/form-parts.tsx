import type { ReactNode } from 'react';

/** A labelled input, its id derived from its name. */
export function Field({ label, name, ...input }: { label: string; name: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = `account-${name}`;
  return (
    <div className="account-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} {...input} />
    </div>
  );
}

/** A form's submit button, busy while it works, any other actions beside it, and the error it ended in. */
export function FormFooter({ busy, error, label, plain, children }: { busy: boolean; error: string; label: string; plain?: boolean; children?: ReactNode }) {
  return (
    <div className="account-footer">
      <button type="submit" className={`button${plain ? '' : ' primary'}`} disabled={busy}>
        {busy ? 'Working…' : label}
      </button>
      {children}
      {error && (
        <p className="account-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
