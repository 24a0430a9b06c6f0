import type { AnchorHTMLAttributes } from 'react';

/** next/link on static pages: a plain link (every page load is a full, fast one). */
export default function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; prefetch?: boolean }) {
  const attributes = { ...props };
  delete attributes.prefetch;
  return <a {...attributes} />;
}
