/**
 * The authority's Direcciones Seccionales from domain-facts §3, with DIVIPOLA codes. Addresses are known
 * for a few; the others are illustrative and flagged so in the data (`addressIllustrative`).
 */
export type OfficeKind = 'impuestos' | 'aduanas' | 'impuestos_aduanas' | 'grandes_contribuyentes';

export interface OfficeSeed {
  code: string;
  name: string;
  kind: OfficeKind;
  seccionalCode: string;
  city: string;
  cityCode: string;
  department: string;
  address?: string;
  desks: number;
}

type Row = [code: string, name: string, city: string, cityCode: string, department: string, desks: number];

const SECCIONALES: readonly Row[] = [
  ['01', 'de Impuestos y Aduanas de Armenia', 'Armenia', '63001', 'Quindío', 3],
  ['02', 'de Impuestos de Barranquilla', 'Barranquilla', '08001', 'Atlántico', 5],
  ['03', 'de Aduanas de Bogotá', 'Bogotá D.C.', '11001', 'Bogotá D.C.', 4],
  ['04', 'de Impuestos y Aduanas de Bucaramanga', 'Bucaramanga', '68001', 'Santander', 4],
  ['05', 'de Impuestos de Cali', 'Cali', '76001', 'Valle del Cauca', 5],
  ['06', 'de Impuestos de Cartagena', 'Cartagena', '13001', 'Bolívar', 4],
  ['07', 'de Impuestos de Cúcuta', 'Cúcuta', '54001', 'Norte de Santander', 3],
  ['08', 'de Impuestos y Aduanas de Girardot', 'Girardot', '25307', 'Cundinamarca', 2],
  ['09', 'de Impuestos y Aduanas de Ibagué', 'Ibagué', '73001', 'Tolima', 3],
  ['10', 'de Impuestos y Aduanas de Manizales', 'Manizales', '17001', 'Caldas', 3],
  ['11', 'de Impuestos de Medellín', 'Medellín', '05001', 'Antioquia', 6],
  ['12', 'de Impuestos y Aduanas de Montería', 'Montería', '23001', 'Córdoba', 2],
  ['13', 'de Impuestos y Aduanas de Neiva', 'Neiva', '41001', 'Huila', 2],
  ['14', 'de Impuestos y Aduanas de Pasto', 'Pasto', '52001', 'Nariño', 2],
  ['15', 'de Impuestos y Aduanas de Palmira', 'Palmira', '76520', 'Valle del Cauca', 2],
  ['16', 'de Impuestos y Aduanas de Pereira', 'Pereira', '66001', 'Risaralda', 3],
  ['17', 'de Impuestos y Aduanas de Popayán', 'Popayán', '19001', 'Cauca', 2],
  ['18', 'de Impuestos y Aduanas de Quibdó', 'Quibdó', '27001', 'Chocó', 1],
  ['19', 'de Impuestos y Aduanas de Santa Marta', 'Santa Marta', '47001', 'Magdalena', 2],
  ['20', 'de Impuestos y Aduanas de Tunja', 'Tunja', '15001', 'Boyacá', 2],
  ['21', 'de Impuestos y Aduanas de Tuluá', 'Tuluá', '76834', 'Valle del Cauca', 2],
  ['22', 'de Impuestos y Aduanas de Villavicencio', 'Villavicencio', '50001', 'Meta', 3],
  ['23', 'de Impuestos y Aduanas de Sincelejo', 'Sincelejo', '70001', 'Sucre', 2],
  ['24', 'de Impuestos y Aduanas de Valledupar', 'Valledupar', '20001', 'Cesar', 2],
  ['25', 'de Impuestos y Aduanas de Riohacha', 'Riohacha', '44001', 'La Guajira', 2],
  ['26', 'de Impuestos y Aduanas de Sogamoso', 'Sogamoso', '15759', 'Boyacá', 1],
  ['27', 'de Impuestos y Aduanas de San Andrés', 'San Andrés', '88001', 'San Andrés y Providencia', 1],
  ['28', 'de Impuestos y Aduanas de Florencia', 'Florencia', '18001', 'Caquetá', 1],
  ['29', 'de Impuestos y Aduanas de Barrancabermeja', 'Barrancabermeja', '68081', 'Santander', 2],
  ['31', 'Operativa de Grandes Contribuyentes', 'Bogotá D.C.', '11001', 'Bogotá D.C.', 3],
  ['32', 'de Impuestos de Bogotá', 'Bogotá D.C.', '11001', 'Bogotá D.C.', 8],
  ['34', 'de Impuestos y Aduanas de Arauca', 'Arauca', '81001', 'Arauca', 1],
  ['35', 'de Impuestos y Aduanas de Buenaventura', 'Buenaventura', '76109', 'Valle del Cauca', 2],
  ['36', 'Delegada de Impuestos y Aduanas de Cartago', 'Cartago', '76147', 'Valle del Cauca', 1],
  ['37', 'de Impuestos y Aduanas de Ipiales', 'Ipiales', '52356', 'Nariño', 2],
  ['38', 'de Impuestos y Aduanas de Leticia', 'Leticia', '91001', 'Amazonas', 1],
  ['39', 'de Impuestos y Aduanas de Maicao', 'Maicao', '44430', 'La Guajira', 1],
  ['40', 'Delegada de Impuestos y Aduanas de Tumaco', 'Tumaco', '52835', 'Nariño', 1],
  ['42', 'Delegada de Impuestos y Aduanas de Puerto Carreño', 'Puerto Carreño', '99001', 'Vichada', 1],
  ['43', 'Delegada de Impuestos y Aduanas de Inírida', 'Inírida', '94001', 'Guainía', 1],
  ['44', 'de Impuestos y Aduanas de Yopal', 'Yopal', '85001', 'Casanare', 2],
  ['45', 'Delegada de Impuestos y Aduanas de Mitú', 'Mitú', '97001', 'Vaupés', 1],
  ['46', 'de Impuestos y Aduanas de Puerto Asís', 'Puerto Asís', '86568', 'Putumayo', 1],
  ['48', 'de Aduanas de Cartagena', 'Cartagena', '13001', 'Bolívar', 3],
  [
    '78',
    'Delegada de Impuestos y Aduanas de San José del Guaviare',
    'San José del Guaviare',
    '95001',
    'Guaviare',
    1,
  ],
  ['86', 'Delegada de Impuestos y Aduanas de Pamplona', 'Pamplona', '54518', 'Norte de Santander', 1],
  ['87', 'de Aduanas de Barranquilla', 'Barranquilla', '08001', 'Atlántico', 3],
  ['88', 'de Aduanas de Cali', 'Cali', '76001', 'Valle del Cauca', 3],
  ['89', 'de Aduanas de Cúcuta', 'Cúcuta', '54001', 'Norte de Santander', 2],
  ['90', 'de Aduanas de Medellín', 'Medellín', '05001', 'Antioquia', 3],
];

const KNOWN_ADDRESSES: Readonly<Record<string, string>> = {
  '05': 'Edificio Belalcázar, Calle 11 # 3-72',
  '11': 'Edificio La Alpujarra, Calle 44 # 52-165',
};

function kindOf(name: string): OfficeKind {
  if (name.includes('Grandes Contribuyentes')) return 'grandes_contribuyentes';
  if (name.includes('Impuestos y Aduanas')) return 'impuestos_aduanas';
  if (name.includes('de Aduanas')) return 'aduanas';
  return 'impuestos';
}

const seccionales: OfficeSeed[] = SECCIONALES.map(([code, suffix, city, cityCode, department, desks]) => {
  const address = KNOWN_ADDRESSES[code];
  return {
    code,
    name: `Dirección Seccional ${suffix}`,
    kind: kindOf(suffix),
    seccionalCode: code,
    city,
    cityCode,
    department,
    ...(address ? { address } : {}),
    desks,
  };
});

/** Points of contact whose addresses are published (domain-facts §3), attached to their seccional. */
const POINTS_OF_CONTACT: OfficeSeed[] = [
  {
    code: '3201',
    name: 'Punto de contacto Centro – Bogotá',
    kind: 'impuestos',
    seccionalCode: '32',
    city: 'Bogotá D.C.',
    cityCode: '11001',
    department: 'Bogotá D.C.',
    address: 'Carrera 6 # 15-32',
    desks: 6,
  },
  {
    code: '0501',
    name: 'Punto de contacto Centro – Cali',
    kind: 'impuestos',
    seccionalCode: '05',
    city: 'Cali',
    cityCode: '76001',
    department: 'Valle del Cauca',
    address: 'Calle 11 # 3-18',
    desks: 4,
  },
  {
    code: '0502',
    name: 'Punto de contacto C.C. Holguines Trade Center – Cali',
    kind: 'impuestos',
    seccionalCode: '05',
    city: 'Cali',
    cityCode: '76001',
    department: 'Valle del Cauca',
    address: 'Carrera 100 # 11-60, local 262A',
    desks: 2,
  },
];

export const OFFICES: readonly OfficeSeed[] = [...seccionales, ...POINTS_OF_CONTACT];

/** Opening hours (policy): Monday to Friday 8:00–16:30; the Holguines point closes at 16:00. */
export function officeHours(code: string): { es: string; en: string; closesMinute: number } {
  if (code === '0502')
    return { es: 'Lunes a viernes de 8:00 a 16:00', en: 'Monday to Friday 8:00–16:00', closesMinute: 960 };
  return { es: 'Lunes a viernes de 8:00 a 16:30', en: 'Monday to Friday 8:00–16:30', closesMinute: 990 };
}

/** Offices that run the remote channels in the demo agenda, and for which procedures' categories. */
export const REMOTE_LINES: readonly {
  office: string;
  channel: 'video' | 'telefono' | 'correo';
  places: number;
}[] = [
  { office: '32', channel: 'video', places: 4 },
  { office: '32', channel: 'telefono', places: 4 },
  { office: '32', channel: 'correo', places: 3 },
  { office: '03', channel: 'video', places: 2 },
  { office: '03', channel: 'telefono', places: 2 },
  { office: '11', channel: 'video', places: 3 },
  { office: '11', channel: 'correo', places: 2 },
  { office: '05', channel: 'video', places: 2 },
  { office: '02', channel: 'video', places: 2 },
  { office: '02', channel: 'telefono', places: 2 },
];
