import { lazy, Suspense, type ComponentType } from 'react';

/** next/dynamic with { ssr: false } on static pages: nothing on the server, the module on first render in the browser. */
export default function dynamic<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Dynamic(props: P) {
    if (typeof window === 'undefined') return null;
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
