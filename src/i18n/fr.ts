import type * as en from './en.js';
import type { Strings } from './types.js';

export const common: Strings<typeof en.common> = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  error: 'Erreur',
  close: 'Fermer',
  siteNotFound: 'Site d’observation « {site} » introuvable.',
  invalidLatitude: 'La latitude doit être un nombre entre −90 et 90 (reçu « {value} »).',
  invalidLongitude: 'La longitude doit être un nombre entre −180 et 180 (reçu « {value} »).',
  invalidElevation: 'L’altitude doit être un nombre de mètres (reçu « {value} »).',
  invalidTimeZone: 'Fuseau horaire inconnu « {value} ». Utilisez un nom IANA comme Europe/Paris.',
  invalidDate: 'Date invalide « {value} ». Utilisez une date ISO comme 2026-03-21.',
  invalidNow: 'Instant invalide « {value} » pour now. Utilisez une date-heure ISO comme 2026-03-21T22:00:00Z.',
  noSite: 'Aucun site d’observation : indiquez l’attribut site (nom, code UAI ou UUID) ou la latitude et la longitude.',
  offsetFromLongitude: 'Heures en {offset} (fuseau horaire inconnu ; déduit de la longitude).',
};
