import type * as en from './en.js';
import type { Strings } from './types.js';

export const common: Strings<typeof en.common> = {
  loading: 'Wird geladen…',
  retry: 'Erneut versuchen',
  error: 'Fehler',
  close: 'Schließen',
  siteNotFound: 'Beobachtungsort „{site}“ nicht gefunden.',
  invalidLatitude: 'Die Breite muss eine Zahl zwischen −90 und 90 sein (erhalten: „{value}“).',
  invalidLongitude: 'Die Länge muss eine Zahl zwischen −180 und 180 sein (erhalten: „{value}“).',
  invalidElevation: 'Die Höhe muss eine Zahl in Metern sein (erhalten: „{value}“).',
  invalidTimeZone: 'Unbekannte Zeitzone „{value}“. Verwenden Sie einen IANA-Namen wie Europe/Berlin.',
  invalidDate: 'Ungültiges Datum „{value}“. Verwenden Sie ein ISO-Datum wie 2026-03-21.',
  invalidNow: 'Ungültiger Zeitpunkt „{value}“ für now. Verwenden Sie eine ISO-Zeitangabe wie 2026-03-21T22:00:00Z.',
  noSite: 'Kein Beobachtungsort: Setzen Sie das Attribut site (Name, IAU-Code oder UUID) oder Breite und Länge.',
  offsetFromLongitude: 'Zeiten in {offset} (keine Zeitzone bekannt; aus der Länge abgeleitet).',
};
