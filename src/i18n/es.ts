import type * as en from './en.js';
import type { Strings } from './types.js';

export const common: Strings<typeof en.common> = {
  loading: 'Cargando…',
  retry: 'Reintentar',
  error: 'Error',
  close: 'Cerrar',
  siteNotFound: 'No se encontró el sitio de observación «{site}».',
  invalidLatitude: 'La latitud debe ser un número entre −90 y 90 (se recibió «{value}»).',
  invalidLongitude: 'La longitud debe ser un número entre −180 y 180 (se recibió «{value}»).',
  invalidElevation: 'La altitud debe ser un número de metros (se recibió «{value}»).',
  invalidTimeZone: 'Zona horaria desconocida «{value}». Use un nombre IANA como Europe/Madrid.',
  invalidDate: 'Fecha no válida «{value}». Use una fecha ISO como 2026-03-21.',
  invalidNow: 'Instante no válido «{value}» para now. Use una fecha y hora ISO como 2026-03-21T22:00:00Z.',
  noSite: 'Sin sitio de observación: indique el atributo site (nombre, código IAU o UUID) o la latitud y la longitud.',
  offsetFromLongitude: 'Horas en {offset} (zona horaria desconocida; derivada de la longitud).',
};
