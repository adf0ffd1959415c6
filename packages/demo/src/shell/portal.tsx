import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, Route, Switch, matchRoute, useLocation, useRouter } from 'wouter';
import { OrderTrackingProvider } from '@lead-orders/elements/react';
import type { OrderTracking } from '@lead-orders/sdk';
import type { Backend } from '../backend/backend.js';
import { home, routes, type PortalRoute } from '../routes.js';
import { routeLinks } from './links.js';
import { useSettings } from './settings.js';
import { portalWords, WordsContext } from './words.js';
import { Toolbar } from './toolbar.js';

const accountKey = 'lead-orders-demo-user';

/**
 * The host dashboard: header with navigation and switches, and the current page inside one
 * `<order-tracking-provider>` that hands every widget the SDK of the acting user.
 */
export function Portal({ backend }: { backend: Backend }) {
  const [settings, changeSettings] = useSettings();
  const [key, setKey] = useState(() => localStorage.getItem(accountKey) ?? '');
  const account = backend.accounts.find((a) => a.key === key) ?? backend.accounts[0]!;
  const [tracking, setTracking] = useState<OrderTracking>();
  const [location, navigate] = useLocation();
  const { parser } = useRouter();
  const main = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const words = portalWords[settings.language];
  const title = (r: PortalRoute | undefined) => (r ? words.titles[r.title] : '');

  useEffect(() => {
    let current = true;
    // The previous user's SDK stays until the next one is ready, so widgets never lose their data source.
    void backend.tracking(account).then((t) => current && setTracking(t));
    return () => {
      current = false;
    };
  }, [backend, account]);

  const route = useMemo(() => routes.find((r) => matchRoute(parser, r.path, location)[0]), [parser, location]);
  useEffect(() => {
    // Each role has its own pages: switching user (or an unknown address) leads to the right dashboard.
    if (!route || route.role !== account.role) navigate(home(account.role), { replace: true });
  }, [route, account.role, navigate]);
  useEffect(() => routeLinks(main.current!, navigate), [navigate]);
  useEffect(() => {
    document.title = `${title(route) || words.brand} · ${words.brand}`;
  }, [route, words]);
  // After moving to another page (not on the first one), focus goes to its heading, as a full page
  // load would start reading there; a change of the query alone (a table's filters) keeps focus.
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    heading.current?.focus();
  }, [location]);

  const chooseAccount = (next: string) => {
    localStorage.setItem(accountKey, next);
    setKey(next);
  };
  const reset = backend.reset
    ? async () => {
        await backend.reset!();
        window.location.reload();
      }
    : undefined;
  const signOut = backend.signOut
    ? async () => {
        await backend.signOut!();
        window.location.reload();
      }
    : undefined;

  return (
    <WordsContext.Provider value={words}>
      <header className="portal-header">
        <a className="brand" href={home(account.role)}>
          {words.brand}
        </a>
        <nav aria-label={words.pagesNav}>
          {routes
            .filter((r) => r.nav && r.role === account.role)
            .map((r) => (
              <Link key={r.path} href={r.path} aria-current={route === r ? 'page' : undefined}>
                {words.titles[r.title]}
              </Link>
            ))}
        </nav>
        <Toolbar
          accounts={backend.accounts}
          account={account}
          onAccount={chooseAccount}
          settings={settings}
          onSettings={changeSettings}
          onReset={reset}
          onSignOut={signOut}
        />
      </header>
      <main ref={main} data-role={account.role} aria-busy={tracking ? undefined : true}>
        <h1 ref={heading} tabIndex={-1}>
          {title(route)}
        </h1>
        <p className="acting">
          {words.signedInAs} <bdi>{account.name}</bdi> (<bdi>{account.email}</bdi>){backend.kind === 'demo' ? ` ${words.onDemoDatabase}` : ''}.
        </p>
        <OrderTrackingProvider tracking={tracking}>
          <Switch>
            {routes
              .filter((r) => r.role === account.role)
              .map((r) => (
                <Route key={r.path} path={r.path}>
                  {(params: Record<string, string | undefined>) => <r.page account={account} tracking={tracking} params={params} />}
                </Route>
              ))}
          </Switch>
        </OrderTrackingProvider>
      </main>
    </WordsContext.Provider>
  );
}
