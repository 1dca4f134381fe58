import type { KioskPlaceType } from '../schema.js';

/**
 * Self-service kiosks ("quioscos virtuales de autogestión") for the kiosk locator. The authority places
 * them in chambers of commerce, shopping centres and city halls; the places below are real institutions
 * of each city but the exact kiosk locations are illustrative, to be corrected in the back office.
 */
export interface KioskSeed {
  placeType: KioskPlaceType;
  name: string;
  address: string;
  cityCode: string;
}

export const KIOSKS: readonly KioskSeed[] = [
  {
    placeType: 'camara_comercio',
    name: 'Cámara de Comercio de Bogotá – Sede Centro',
    address: 'Avenida Eldorado # 68D-35',
    cityCode: '11001',
  },
  { placeType: 'alcaldia', name: 'SuperCADE CAD', address: 'Carrera 30 # 25-90', cityCode: '11001' },
  {
    placeType: 'centro_comercial',
    name: 'Centro comercial Gran Estación',
    address: 'Avenida Calle 26 # 62-47',
    cityCode: '11001',
  },
  {
    placeType: 'camara_comercio',
    name: 'Cámara de Comercio de Medellín para Antioquia',
    address: 'Avenida Oriental # 52-82',
    cityCode: '05001',
  },
  {
    placeType: 'alcaldia',
    name: 'Alcaldía de Medellín – Centro Administrativo La Alpujarra',
    address: 'Calle 44 # 52-165',
    cityCode: '05001',
  },
  {
    placeType: 'camara_comercio',
    name: 'Cámara de Comercio de Cali',
    address: 'Calle 8 # 3-14',
    cityCode: '76001',
  },
  {
    placeType: 'centro_comercial',
    name: 'Centro comercial Holguines Trade Center',
    address: 'Carrera 100 # 11-60',
    cityCode: '76001',
  },
  {
    placeType: 'camara_comercio',
    name: 'Cámara de Comercio de Barranquilla',
    address: 'Vía 40 # 36-135',
    cityCode: '08001',
  },
  {
    placeType: 'camara_comercio',
    name: 'Cámara de Comercio de Bucaramanga',
    address: 'Carrera 19 # 36-20',
    cityCode: '68001',
  },
  {
    placeType: 'alcaldia',
    name: 'Alcaldía de Cartagena – Centro',
    address: 'Plaza de la Aduana',
    cityCode: '13001',
  },
  {
    placeType: 'camara_comercio',
    name: 'Cámara de Comercio de Pereira',
    address: 'Carrera 8 # 23-09',
    cityCode: '66001',
  },
  {
    placeType: 'camara_comercio',
    name: 'Cámara de Comercio de Manizales por Caldas',
    address: 'Carrera 23 # 26-60',
    cityCode: '17001',
  },
];

export const KIOSK_HOURS = {
  es: 'Lunes a viernes de 8:00 a 17:00',
  en: 'Monday to Friday 8:00–17:00',
} as const;
