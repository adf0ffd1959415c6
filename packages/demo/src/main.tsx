// The portal's entry: starts the demo database, registers the elements' languages, the page
// styles, and renders the app. Modules run in import order: the database comes first.
import './database/start-early.js';
import { createRoot } from 'react-dom/client';
import '@lead-orders/elements/locales/register-de.js';
import '@lead-orders/elements/locales/register-ar.js';
import { App } from './app.js';
import './portal.css';

createRoot(document.getElementById('root')!).render(<App />);
