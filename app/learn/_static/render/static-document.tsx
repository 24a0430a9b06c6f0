import type { ReactNode } from 'react';
import { SiteHeader } from '@/app/ui/site-header';
import { THEME_SCRIPT } from '../../_islands/theme';
import type { PageAssets } from '../page-data';

interface Props {
  title: string;
  description: string;
  assets: PageAssets;
  /** The page a learner most likely opens next, fetched while they read. */
  prefetch?: string;
  children: ReactNode;
}

/** The shell of a static page: one cached stylesheet, one small module script, the site header and footer. */
export function StaticDocument({ title, description, assets, prefetch, children }: Props) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Traffic Cop`}</title>
        <meta name="description" content={description} />
        <meta name="theme-color" media="(prefers-color-scheme: light)" content="#ffffff" />
        <meta name="theme-color" media="(prefers-color-scheme: dark)" content="#0f1115" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <link rel="stylesheet" href={assets.stylesheet} />
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- a module script is deferred; the rule is about classic ones */}
        <script type="module" src={assets.boot} />
        {assets.preloads.map((href) => (
          <link key={href} rel="modulepreload" href={href} />
        ))}
        {prefetch && <link rel="prefetch" href={prefetch} />}
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <div className="learn-shell">{children}</div>
        <footer className="site-footer">Traffic Cop · open source · lessons written for this project</footer>
      </body>
    </html>
  );
}
