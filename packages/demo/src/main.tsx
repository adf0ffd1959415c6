// The portal's entry: registers the elements' languages, the page styles, and renders the app.
import { createRoot } from 'react-dom/client';
import '@lead-orders/elements/locales/register-de.js';
import '@lead-orders/elements/locales/register-ar.js';
import { App } from './app.js';
import './portal.css';

createRoot(document.getElementById('root')!).render(<App />);
