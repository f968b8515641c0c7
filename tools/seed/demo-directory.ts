import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  InstitutionKind,
  InstitutionName,
  InstitutionRelationshipInput,
  NetworkProfileInput,
  RegionInput,
  StakeholderSector,
} from '@aula/contracts';
import { searchKey } from '@aula/server/core';
import {
  DirectoryReader,
  InstitutionService,
  Membership,
  MembershipService,
  NetworkProfile,
  NetworkProfileService,
  Region,
  RegionService,
} from '@aula/server/directory';
import { User } from '@aula/server/identity';

/**
 * The network directory of the demo: the five Latin American regions the demo people come from,
 * the Asian and African partners and two observers; the institutions of the network (the demo
 * people's and others of every kind and sector, with parents and related bodies); each demo
 * person's membership, and published network profiles for about half of them. Two people have
 * proposed an institution that waits for an administrator. Idempotent: regions are found by slug,
 * institutions by official name and country, and what exists is left as it is (a membership
 * gets its position only when it has none; a profile is written only while it is still empty).
 */

export const DEMO_REGIONS: RegionInput[] = [
  {
    slug: 'bogota-cundinamarca',
    name: { es: 'Bogotá-Cundinamarca', en: 'Bogotá-Cundinamarca', pt: 'Bogotá-Cundinamarca' },
    country: 'CO',
    subdivision: 'CO-CUN',
    worldRegion: 'latin-america-caribbean',
    status: 'participating',
    location: { lat: 4.711, lon: -74.0721 },
    joinedOn: '2021-03-15',
    public: true,
    description: {
      es: 'La capital de Colombia y el departamento que la rodea planifican juntos la movilidad, el agua y el abastecimiento de alimentos de más de diez millones de personas, a través de la Región Administrativa y de Planeación Especial.',
      en: 'The capital of Colombia and the department around it plan mobility, water and food supply for more than ten million people together, through their Special Administrative and Planning Region.',
      pt: 'A capital da Colômbia e o departamento que a cerca planejam juntos a mobilidade, a água e o abastecimento de alimentos de mais de dez milhões de pessoas, por meio da Região Administrativa e de Planejamento Especial.',
    },
  },
  {
    slug: 'cordoba',
    name: { es: 'Córdoba', en: 'Córdoba', pt: 'Córdoba' },
    country: 'AR',
    subdivision: 'AR-X',
    worldRegion: 'latin-america-caribbean',
    status: 'participating',
    location: { lat: -31.4201, lon: -64.1888 },
    joinedOn: '2021-03-15',
    public: true,
    description: {
      es: 'Provincia del centro de Argentina con una larga tradición universitaria y un plan estratégico provincial construido con los municipios del Gran Córdoba.',
      en: 'A province in central Argentina with a long university tradition and a provincial strategic plan built with the municipalities of Greater Córdoba.',
      pt: 'Província do centro da Argentina com longa tradição universitária e um plano estratégico provincial construído com os municípios da Grande Córdoba.',
    },
  },
  {
    slug: 'biobio',
    name: { es: 'Región del Biobío', en: 'Biobío Region', pt: 'Região do Biobío' },
    country: 'CL',
    subdivision: 'CL-BI',
    worldRegion: 'latin-america-caribbean',
    status: 'participating',
    location: { lat: -36.8201, lon: -73.0444 },
    joinedOn: '2021-09-01',
    public: true,
    description: {
      es: 'Región del sur de Chile, con el área metropolitana de Concepción, puertos, industria forestal y una estrategia regional de desarrollo que se actualiza con participación ciudadana.',
      en: 'A region in southern Chile, home to the Concepción metropolitan area, ports and the forestry industry, with a regional development strategy updated with citizens.',
      pt: 'Região do sul do Chile, com a área metropolitana de Concepción, portos e indústria florestal, e uma estratégia regional de desenvolvimento atualizada com participação cidadã.',
    },
  },
  {
    slug: 'quetzaltenango',
    name: { es: 'Quetzaltenango', en: 'Quetzaltenango', pt: 'Quetzaltenango' },
    country: 'GT',
    subdivision: 'GT-QZ',
    worldRegion: 'latin-america-caribbean',
    status: 'participating',
    location: { lat: 14.8347, lon: -91.518 },
    joinedOn: '2022-02-01',
    public: true,
    description: {
      es: 'Departamento del altiplano occidental de Guatemala, con población mayoritariamente maya k’iche’ y mam, donde los municipios planifican en mancomunidad.',
      en: 'A department of the western highlands of Guatemala, mostly K’iche’ and Mam Maya, where municipalities plan together as an association.',
      pt: 'Departamento do altiplano ocidental da Guatemala, de população majoritariamente maia k’iche’ e mam, onde os municípios planejam em consórcio.',
    },
  },
  {
    slug: 'minas-gerais',
    name: { es: 'Minas Gerais', en: 'Minas Gerais', pt: 'Minas Gerais' },
    country: 'BR',
    subdivision: 'BR-MG',
    worldRegion: 'latin-america-caribbean',
    status: 'participating',
    location: { lat: -19.9167, lon: -43.9345 },
    joinedOn: '2021-09-01',
    public: true,
    description: {
      es: 'Estado del sudeste de Brasil con 853 municipios; su plan plurianual regionaliza el presupuesto y la región metropolitana de Belo Horizonte tiene su propia agencia de desarrollo.',
      en: 'A state in south-eastern Brazil with 853 municipalities; its multi-year plan regionalises the budget, and the Belo Horizonte metropolitan region has its own development agency.',
      pt: 'Estado do Sudeste do Brasil com 853 municípios; seu plano plurianual regionaliza o orçamento, e a Região Metropolitana de Belo Horizonte tem sua própria agência de desenvolvimento.',
    },
  },
  {
    slug: 'mekong-delta',
    name: { en: 'Mekong Delta', es: 'Delta del Mekong', pt: 'Delta do Mekong' },
    country: 'VN',
    subdivision: 'VN-CT',
    worldRegion: 'asia',
    status: 'partner',
    location: { lat: 10.0452, lon: 105.7469 },
    joinedOn: '2023-04-10',
    public: true,
    description: {
      en: 'Partner region led from Can Tho, the largest city of the delta: rice, fruit and aquaculture on land that floods every year and is threatened by rising seas.',
      es: 'Región socia coordinada desde Cần Thơ, la mayor ciudad del delta: arroz, frutas y acuicultura en tierras que se inundan cada año y amenazadas por la subida del mar.',
      pt: 'Região parceira coordenada a partir de Cần Thơ, a maior cidade do delta: arroz, frutas e aquicultura em terras que alagam todo ano e estão ameaçadas pela subida do mar.',
    },
  },
  {
    slug: 'yunnan',
    name: { en: 'Yunnan', es: 'Yunnan', pt: 'Yunnan' },
    country: 'CN',
    subdivision: 'CN-53',
    worldRegion: 'asia',
    status: 'partner',
    location: { lat: 25.0389, lon: 102.7183 },
    joinedOn: '2023-04-10',
    public: true,
    description: {
      en: 'A mountainous province in south-western China bordering Viet Nam, Laos and Myanmar, sharing experience in rural revitalisation and cross-border cooperation.',
      es: 'Provincia montañosa del suroeste de China, fronteriza con Vietnam, Laos y Myanmar, que comparte su experiencia en revitalización rural y cooperación transfronteriza.',
      pt: 'Província montanhosa do sudoeste da China, na fronteira com o Vietnã, o Laos e Mianmar, que compartilha sua experiência em revitalização rural e cooperação transfronteiriça.',
    },
  },
  {
    slug: 'souss-massa',
    name: { en: 'Souss-Massa', es: 'Souss-Massa', pt: 'Souss-Massa' },
    country: 'MA',
    subdivision: null,
    worldRegion: 'africa',
    status: 'partner',
    location: { lat: 30.4278, lon: -9.5981 },
    joinedOn: '2024-01-20',
    public: true,
    description: {
      en: 'A region of southern Morocco around Agadir, where a regional project agency carries out the council’s investment programme in irrigation, rural roads and the argan economy.',
      es: 'Región del sur de Marruecos en torno a Agadir, donde una agencia regional ejecuta el programa de inversiones del consejo en riego, caminos rurales y la economía del argán.',
      pt: 'Região do sul de Marrocos em torno de Agadir, onde uma agência regional executa o programa de investimentos do conselho em irrigação, estradas rurais e economia do argão.',
    },
  },
  {
    slug: 'enugu',
    name: { en: 'Enugu', es: 'Enugu', pt: 'Enugu' },
    country: 'NG',
    subdivision: 'NG-EN',
    worldRegion: 'africa',
    status: 'partner',
    location: { lat: 6.4584, lon: 7.5464 },
    joinedOn: '2024-01-20',
    public: true,
    description: {
      en: 'A state in south-eastern Nigeria whose planning commission prepares the state development plan and follows it up with the local government areas.',
      es: 'Estado del sureste de Nigeria cuya comisión de planificación elabora el plan de desarrollo estatal y le da seguimiento con los gobiernos locales.',
      pt: 'Estado do sudeste da Nigéria cuja comissão de planejamento elabora o plano de desenvolvimento estadual e o acompanha com os governos locais.',
    },
  },
  {
    slug: 'valparaiso',
    name: { es: 'Región de Valparaíso', en: 'Valparaíso Region', pt: 'Região de Valparaíso' },
    country: 'CL',
    subdivision: 'CL-VS',
    worldRegion: 'latin-america-caribbean',
    status: 'observer',
    location: { lat: -33.0472, lon: -71.6127 },
    joinedOn: '2025-06-01',
    public: true,
    description: {
      es: 'Región observadora desde 2025, interesada en la planificación de sus ciudades portuarias y en la gestión del riesgo de incendios forestales.',
      en: 'An observer since 2025, interested in planning its port cities and managing the risk of wildfires.',
      pt: 'Região observadora desde 2025, interessada no planejamento de suas cidades portuárias e na gestão do risco de incêndios florestais.',
    },
  },
  {
    slug: 'kerala',
    name: { en: 'Kerala', es: 'Kerala', pt: 'Kerala' },
    country: 'IN',
    subdivision: 'IN-KL',
    worldRegion: 'asia',
    status: 'observer',
    location: { lat: 8.5241, lon: 76.9366 },
    joinedOn: '2025-06-01',
    public: true,
    description: {
      en: 'An observer since 2025, known for decentralised planning: a large share of the state plan is decided by local governments with their people.',
      es: 'Observador desde 2025, conocido por su planificación descentralizada: buena parte del plan estatal la deciden los gobiernos locales con su población.',
      pt: 'Observador desde 2025, conhecido pelo planejamento descentralizado: boa parte do plano estadual é decidida pelos governos locais com sua população.',
    },
  },
];

export interface DemoInstitution {
  /** Names as stored; the first official one is the key the seed finds the record by. */
  names: InstitutionName[];
  kind: InstitutionKind;
  sector: StakeholderSector;
  country: string;
  /** Slug of a demo region, or null. */
  region: string | null;
  website?: string;
  established?: number;
  ror?: string;
  /** Official name of the parent, listed earlier. */
  parent?: string;
  /** Official names of related institutions, listed earlier. */
  related?: string[];
}

const official = (value: string, lang: string | null): InstitutionName => ({ value, lang, type: 'official' });
const acronym = (value: string, lang: string | null = null): InstitutionName => ({
  value,
  lang,
  type: 'acronym',
});
const alias = (value: string, lang: string | null): InstitutionName => ({ value, lang, type: 'alias' });

/** Parents come before their children, related bodies before those that name them. */
export const DEMO_INSTITUTIONS: DemoInstitution[] = [
  // international
  {
    names: [
      official('Comisión Económica para América Latina y el Caribe', 'es'),
      official('Economic Commission for Latin America and the Caribbean', 'en'),
      official('Comissão Econômica para a América Latina e o Caribe', 'pt'),
      acronym('CEPAL', 'es'),
      acronym('ECLAC', 'en'),
    ],
    kind: 'international-organisation',
    sector: 'international',
    country: 'CL',
    region: null,
    website: 'https://www.cepal.org',
    established: 1948,
  },
  {
    names: [
      official('Instituto Latinoamericano y del Caribe de Planificación Económica y Social', 'es'),
      official('Latin American and Caribbean Institute for Economic and Social Planning', 'en'),
      official('Instituto Latino-Americano e do Caribe de Planejamento Econômico e Social', 'pt'),
      acronym('ILPES'),
    ],
    kind: 'international-organisation',
    sector: 'international',
    country: 'CL',
    region: null,
    website: 'https://www.cepal.org/es/subtemas/ilpes',
    established: 1962,
    parent: 'Comisión Económica para América Latina y el Caribe',
  },
  {
    names: [
      official('Banco Interamericano de Desarrollo', 'es'),
      official('Inter-American Development Bank', 'en'),
      official('Banco Interamericano de Desenvolvimento', 'pt'),
      acronym('BID', 'es'),
      acronym('IDB', 'en'),
    ],
    kind: 'international-organisation',
    sector: 'international',
    country: 'US',
    region: null,
    website: 'https://www.iadb.org',
    established: 1959,
  },
  {
    names: [
      official('Secretaría del Programa', 'es'),
      official('Programme Secretariat', 'en'),
      official('Secretaria do Programa', 'pt'),
    ],
    kind: 'international-organisation',
    sector: 'international',
    country: 'CO',
    region: 'bogota-cundinamarca',
    website: 'https://aula.example',
    established: 2021,
    related: ['Instituto Latinoamericano y del Caribe de Planificación Económica y Social'],
  },
  // Bogotá-Cundinamarca
  {
    names: [official('Gobernación de Cundinamarca', 'es'), alias('Government of Cundinamarca', 'en')],
    kind: 'government',
    sector: 'government',
    country: 'CO',
    region: 'bogota-cundinamarca',
    website: 'https://www.cundinamarca.gov.co',
  },
  {
    names: [official('Secretaría de Planeación de Cundinamarca', 'es')],
    kind: 'government',
    sector: 'government',
    country: 'CO',
    region: 'bogota-cundinamarca',
    website: 'https://www.cundinamarca.gov.co/dependencias/secplaneacion',
    parent: 'Gobernación de Cundinamarca',
  },
  {
    names: [official('Alcaldía Mayor de Bogotá', 'es'), alias('Bogotá City Hall', 'en')],
    kind: 'government',
    sector: 'government',
    country: 'CO',
    region: 'bogota-cundinamarca',
    website: 'https://bogota.gov.co',
  },
  {
    names: [
      official('Región Administrativa y de Planeación Especial', 'es'),
      acronym('RAP-E'),
      alias('Región Central', 'es'),
      alias('Special Administrative and Planning Region', 'en'),
    ],
    kind: 'planning-board',
    sector: 'government',
    country: 'CO',
    region: 'bogota-cundinamarca',
    website: 'https://regioncentralrape.gov.co',
    established: 2014,
    related: ['Gobernación de Cundinamarca', 'Alcaldía Mayor de Bogotá'],
  },
  {
    names: [official('Consejo Territorial de Planeación de Cundinamarca', 'es'), acronym('CTP')],
    kind: 'planning-board',
    sector: 'community',
    country: 'CO',
    region: 'bogota-cundinamarca',
    website: 'https://ctpcundinamarca.org',
  },
  {
    names: [
      official('Universidad Nacional de Colombia', 'es'),
      official('National University of Colombia', 'en'),
      acronym('UNAL'),
    ],
    kind: 'university',
    sector: 'academia',
    country: 'CO',
    region: 'bogota-cundinamarca',
    website: 'https://unal.edu.co',
    established: 1867,
    ror: '059yx9a68',
  },
  {
    names: [official('Cámara de Comercio de Bogotá', 'es'), acronym('CCB')],
    kind: 'private-company',
    sector: 'private-sector',
    country: 'CO',
    region: 'bogota-cundinamarca',
    website: 'https://www.ccb.org.co',
    established: 1878,
  },
  {
    names: [official('Asociación de Juntas de Acción Comunal de Soacha', 'es'), acronym('Asojuntas Soacha')],
    kind: 'community-organisation',
    sector: 'community',
    country: 'CO',
    region: 'bogota-cundinamarca',
  },
  // Córdoba
  {
    names: [
      official('Gobierno de la Provincia de Córdoba', 'es'),
      alias('Government of Córdoba Province', 'en'),
    ],
    kind: 'government',
    sector: 'government',
    country: 'AR',
    region: 'cordoba',
    website: 'https://www.cba.gov.ar',
  },
  {
    names: [official('Ministerio de Planeamiento de Córdoba', 'es')],
    kind: 'government',
    sector: 'government',
    country: 'AR',
    region: 'cordoba',
    website: 'https://www.cba.gov.ar/ministerio-de-planeamiento',
    parent: 'Gobierno de la Provincia de Córdoba',
  },
  {
    names: [
      official('Universidad Nacional de Córdoba', 'es'),
      official('National University of Córdoba', 'en'),
      acronym('UNC'),
    ],
    kind: 'university',
    sector: 'academia',
    country: 'AR',
    region: 'cordoba',
    website: 'https://www.unc.edu.ar',
    established: 1613,
  },
  {
    names: [
      official('Consejo para la Planificación Estratégica de la Provincia de Córdoba', 'es'),
      acronym('COPEC'),
    ],
    kind: 'planning-board',
    sector: 'community',
    country: 'AR',
    region: 'cordoba',
    website: 'https://www.copec.org.ar',
    established: 2003,
  },
  {
    names: [official('Bolsa de Comercio de Córdoba', 'es')],
    kind: 'private-company',
    sector: 'private-sector',
    country: 'AR',
    region: 'cordoba',
    website: 'https://www.bolsacba.com.ar',
    established: 1900,
  },
  {
    names: [official('Fundación Mediterránea', 'es')],
    kind: 'ngo',
    sector: 'private-sector',
    country: 'AR',
    region: 'cordoba',
    website: 'https://www.fundmediterranea.org.ar',
    established: 1977,
  },
  // Biobío
  {
    names: [
      official('Gobierno Regional del Biobío', 'es'),
      acronym('GORE Biobío'),
      alias('Regional Government of Biobío', 'en'),
    ],
    kind: 'government',
    sector: 'government',
    country: 'CL',
    region: 'biobio',
    website: 'https://www.gorebiobio.cl',
  },
  {
    names: [
      official('Universidad de Concepción', 'es'),
      official('University of Concepción', 'en'),
      acronym('UdeC'),
    ],
    kind: 'university',
    sector: 'academia',
    country: 'CL',
    region: 'biobio',
    website: 'https://www.udec.cl',
    established: 1919,
    ror: '0460jpj73',
  },
  {
    names: [
      official('Corporación Industrial para el Desarrollo Regional del Biobío', 'es'),
      acronym('CIDERE Biobío'),
    ],
    kind: 'ngo',
    sector: 'private-sector',
    country: 'CL',
    region: 'biobio',
    website: 'https://www.cidere.cl',
    established: 1983,
  },
  {
    names: [official('Unión Comunal de Juntas de Vecinos de Concepción', 'es')],
    kind: 'community-organisation',
    sector: 'community',
    country: 'CL',
    region: 'biobio',
  },
  // Quetzaltenango
  {
    names: [official('Municipalidad de Quetzaltenango', 'es'), alias('Municipalidad de Xela', 'es')],
    kind: 'government',
    sector: 'government',
    country: 'GT',
    region: 'quetzaltenango',
    website: 'https://www.munixela.gob.gt',
  },
  {
    names: [official('Mancomunidad Metrópoli de los Altos', 'es')],
    kind: 'government',
    sector: 'government',
    country: 'GT',
    region: 'quetzaltenango',
    website: 'https://www.metropolidelosaltos.org.gt',
    established: 2004,
    related: ['Municipalidad de Quetzaltenango'],
  },
  {
    names: [official('Consejo Departamental de Desarrollo de Quetzaltenango', 'es'), acronym('CODEDE')],
    kind: 'planning-board',
    sector: 'government',
    country: 'GT',
    region: 'quetzaltenango',
  },
  {
    names: [
      official('Universidad de San Carlos de Guatemala', 'es'),
      official('University of San Carlos of Guatemala', 'en'),
      acronym('USAC'),
    ],
    kind: 'university',
    sector: 'academia',
    country: 'GT',
    region: null,
    website: 'https://www.usac.edu.gt',
    established: 1676,
  },
  {
    names: [official('Centro Universitario de Occidente', 'es'), acronym('CUNOC')],
    kind: 'university',
    sector: 'academia',
    country: 'GT',
    region: 'quetzaltenango',
    website: 'https://www.cunoc.edu.gt',
    parent: 'Universidad de San Carlos de Guatemala',
  },
  {
    names: [official('Asociación de Desarrollo Integral Maya K’iche’', 'es')],
    kind: 'community-organisation',
    sector: 'community',
    country: 'GT',
    region: 'quetzaltenango',
  },
  // Minas Gerais
  {
    names: [official('Governo do Estado de Minas Gerais', 'pt'), alias('Government of Minas Gerais', 'en')],
    kind: 'government',
    sector: 'government',
    country: 'BR',
    region: 'minas-gerais',
    website: 'https://www.mg.gov.br',
  },
  {
    names: [
      official('Secretaria de Planejamento de Minas Gerais', 'pt'),
      acronym('SEPLAG-MG'),
      alias('Secretaria de Estado de Planejamento e Gestão', 'pt'),
    ],
    kind: 'government',
    sector: 'government',
    country: 'BR',
    region: 'minas-gerais',
    website: 'https://www.planejamento.mg.gov.br',
    parent: 'Governo do Estado de Minas Gerais',
  },
  {
    names: [official('Fundação João Pinheiro', 'pt'), acronym('FJP')],
    kind: 'government',
    sector: 'academia',
    country: 'BR',
    region: 'minas-gerais',
    website: 'https://fjp.mg.gov.br',
    established: 1969,
    parent: 'Governo do Estado de Minas Gerais',
  },
  {
    names: [
      official('Agência de Desenvolvimento da RMBH', 'pt'),
      acronym('Agência RMBH'),
      alias('Agência de Desenvolvimento da Região Metropolitana de Belo Horizonte', 'pt'),
    ],
    kind: 'planning-board',
    sector: 'government',
    country: 'BR',
    region: 'minas-gerais',
    website: 'https://www.agenciarmbh.mg.gov.br',
    established: 2009,
  },
  {
    names: [
      official('Universidade Federal de Minas Gerais', 'pt'),
      official('Federal University of Minas Gerais', 'en'),
      acronym('UFMG'),
    ],
    kind: 'university',
    sector: 'academia',
    country: 'BR',
    region: 'minas-gerais',
    website: 'https://ufmg.br',
    established: 1927,
    ror: '0176yjw32',
  },
  {
    names: [official('Federação das Indústrias do Estado de Minas Gerais', 'pt'), acronym('FIEMG')],
    kind: 'ngo',
    sector: 'private-sector',
    country: 'BR',
    region: 'minas-gerais',
    website: 'https://www.fiemg.com.br',
    established: 1933,
  },
  // Mekong Delta
  {
    names: [
      official('Ủy ban nhân dân thành phố Cần Thơ', 'vi'),
      official('People’s Committee of Can Tho City', 'en'),
    ],
    kind: 'government',
    sector: 'government',
    country: 'VN',
    region: 'mekong-delta',
    website: 'https://www.cantho.gov.vn',
  },
  {
    names: [official('Can Tho Planning Institute', 'en'), official('Viện Quy hoạch Cần Thơ', 'vi')],
    kind: 'government',
    sector: 'government',
    country: 'VN',
    region: 'mekong-delta',
    parent: 'Ủy ban nhân dân thành phố Cần Thơ',
  },
  {
    names: [official('Can Tho University', 'en'), official('Trường Đại học Cần Thơ', 'vi'), acronym('CTU')],
    kind: 'university',
    sector: 'academia',
    country: 'VN',
    region: 'mekong-delta',
    website: 'https://www.ctu.edu.vn',
    established: 1966,
  },
  {
    names: [
      official('Mekong Delta Development Research Institute', 'en'),
      official('Viện Nghiên cứu Phát triển Đồng bằng sông Cửu Long', 'vi'),
    ],
    kind: 'university',
    sector: 'academia',
    country: 'VN',
    region: 'mekong-delta',
    parent: 'Can Tho University',
  },
  // Yunnan
  {
    names: [official('Yunnan Provincial People’s Government', 'en'), official('云南省人民政府', 'zh')],
    kind: 'government',
    sector: 'government',
    country: 'CN',
    region: 'yunnan',
    website: 'https://www.yn.gov.cn',
  },
  {
    names: [
      official('Yunnan Development Research Center', 'en'),
      official('云南省人民政府发展研究中心', 'zh'),
    ],
    kind: 'government',
    sector: 'government',
    country: 'CN',
    region: 'yunnan',
    parent: 'Yunnan Provincial People’s Government',
  },
  {
    names: [official('Yunnan University', 'en'), official('云南大学', 'zh')],
    kind: 'university',
    sector: 'academia',
    country: 'CN',
    region: 'yunnan',
    website: 'https://www.ynu.edu.cn',
    established: 1922,
  },
  // Souss-Massa
  {
    names: [
      official('Conseil Régional Souss-Massa', 'fr'),
      official('مجلس جهة سوس ماسة', 'ar'),
      alias('Souss-Massa Regional Council', 'en'),
    ],
    kind: 'government',
    sector: 'government',
    country: 'MA',
    region: 'souss-massa',
    website: 'https://www.soussmassa.ma',
  },
  {
    names: [
      official('Agence Régionale d’Exécution des Projets', 'fr'),
      official('الوكالة الجهوية لتنفيذ المشاريع', 'ar'),
      acronym('AREP Souss-Massa'),
    ],
    kind: 'government',
    sector: 'government',
    country: 'MA',
    region: 'souss-massa',
    parent: 'Conseil Régional Souss-Massa',
  },
  {
    names: [official('Université Ibn Zohr', 'fr'), official('جامعة ابن زهر', 'ar'), acronym('UIZ')],
    kind: 'university',
    sector: 'academia',
    country: 'MA',
    region: 'souss-massa',
    website: 'https://www.uiz.ac.ma',
    established: 1989,
  },
  {
    names: [official('Union des Coopératives Féminines de l’Arganier', 'fr'), acronym('UCFA')],
    kind: 'community-organisation',
    sector: 'community',
    country: 'MA',
    region: 'souss-massa',
  },
  // Enugu
  {
    names: [official('Enugu State Government', 'en')],
    kind: 'government',
    sector: 'government',
    country: 'NG',
    region: 'enugu',
    website: 'https://enugustate.gov.ng',
  },
  {
    names: [official('Enugu State Planning Commission', 'en')],
    kind: 'planning-board',
    sector: 'government',
    country: 'NG',
    region: 'enugu',
    parent: 'Enugu State Government',
  },
  {
    names: [official('University of Nigeria, Nsukka', 'en'), acronym('UNN')],
    kind: 'university',
    sector: 'academia',
    country: 'NG',
    region: 'enugu',
    website: 'https://www.unn.edu.ng',
    established: 1960,
  },
  {
    names: [official('Enugu Chamber of Commerce, Industry, Mines and Agriculture', 'en'), acronym('ECCIMA')],
    kind: 'private-company',
    sector: 'private-sector',
    country: 'NG',
    region: 'enugu',
  },
  // observers
  {
    names: [official('Gobierno Regional de Valparaíso', 'es'), acronym('GORE Valparaíso')],
    kind: 'government',
    sector: 'government',
    country: 'CL',
    region: 'valparaiso',
    website: 'https://www.gorevalparaiso.cl',
  },
  {
    names: [official('Kerala State Planning Board', 'en')],
    kind: 'planning-board',
    sector: 'government',
    country: 'IN',
    region: 'kerala',
    website: 'https://spb.kerala.gov.in',
    established: 1967,
  },
];

interface DemoMember {
  position: string;
  startedOn: string;
  /** A profile written for the person: published, or saved as a draft. */
  profile?: Required<Pick<NetworkProfileInput, 'published' | 'bio' | 'topics' | 'languages'>>;
}

/** Each demo person's membership at their organisation (DEMO_PEOPLE), keyed by the email's local part. */
export const DEMO_MEMBERS: Record<string, DemoMember> = {
  admin: {
    position: 'Coordinadora del programa',
    startedOn: '2021-01-11',
    profile: {
      published: true,
      bio: 'Coordino la Secretaría del Programa desde Bogotá: el calendario de cohortes, la relación con las regiones socias y el seguimiento de los planes de acción.',
      topics: ['south-south cooperation', 'governance'],
      languages: ['es', 'en', 'pt'],
    },
  },
  'lucia.fernandez': {
    position: 'Profesora titular, Facultad de Ciencias Económicas',
    startedOn: '2012-03-01',
    profile: {
      published: true,
      bio: 'Docente e investigadora en economía regional. Tutora del curso de planificación del desarrollo regional.',
      topics: ['planning', 'economic development', 'territorial analysis'],
      languages: ['es', 'en'],
    },
  },
  'joao.conceicao': {
    position: 'Pesquisador da Escola de Governo',
    startedOn: '2015-08-03',
    profile: {
      published: true,
      bio: 'Pesquisador em finanças públicas subnacionais e tutor do programa para as turmas em português.',
      topics: ['public finance', 'governance'],
      languages: ['pt', 'es', 'en'],
    },
  },
  'jose.nunez': {
    position: 'Profesional especializado, Secretaría de Planeación',
    startedOn: '2019-02-04',
    profile: {
      published: true,
      bio: 'Trabajo en el plan departamental de desarrollo y en la articulación con los municipios de la Sabana de Bogotá.',
      topics: ['planning', 'territorial analysis'],
      languages: ['es'],
    },
  },
  'camila.restrepo': { position: 'Asesora de abastecimiento alimentario', startedOn: '2020-06-16' },
  'martin.quiroga': {
    position: 'Director de Planificación Territorial',
    startedOn: '2018-01-02',
    profile: {
      published: true,
      bio: 'Coordino el plan estratégico provincial y los acuerdos con los municipios del Gran Córdoba.',
      topics: ['planning', 'governance'],
      languages: ['es', 'pt'],
    },
  },
  'ignacio.munoz': {
    position: 'Jefe de la División de Planificación y Desarrollo Regional',
    startedOn: '2021-07-14',
  },
  'valentina.rios': {
    position: 'Investigadora en desarrollo territorial',
    startedOn: '2022-03-01',
    // Written, not published yet.
    profile: {
      published: false,
      bio: 'Investigo la expansión urbana del Gran Concepción y sus efectos en las cuencas costeras.',
      topics: ['territorial analysis', 'urban resilience'],
      languages: ['es', 'en'],
    },
  },
  'maria.xiloj': {
    position: 'Técnica de la Dirección Municipal de Planificación',
    startedOn: '2020-01-15',
    profile: {
      published: true,
      bio: 'Acompaño a los consejos comunitarios de desarrollo en la priorización de la inversión municipal.',
      topics: ['planning', 'participatory budgeting'],
      languages: ['es'],
    },
  },
  'andres.ajanel': { position: 'Coordinador técnico', startedOn: '2021-05-03' },
  'ana.souza': {
    position: 'Analista de planejamento e orçamento',
    startedOn: '2019-09-02',
    profile: {
      published: true,
      bio: 'Trabalho com o plano plurianual e a regionalização do orçamento do estado.',
      topics: ['public finance', 'planning'],
      languages: ['pt', 'en'],
    },
  },
  'thiago.araujo': { position: 'Urbanista', startedOn: '2023-02-13' },
  'minh.nguyen': {
    position: 'Urban planner',
    startedOn: '2018-10-01',
    profile: {
      published: true,
      bio: 'Urban planner working on climate adaptation in the Mekong Delta: flood-risk maps and land-use plans for Can Tho.',
      topics: ['planning', 'climate adaptation'],
      languages: ['vi', 'en'],
    },
  },
  'wang.xiaoming': { position: 'Research fellow', startedOn: '2017-07-01' },
  'mohammed.alami': {
    position: 'Project officer',
    startedOn: '2019-04-01',
    profile: {
      published: true,
      bio: 'Project officer for the regional investment programme of Souss-Massa, from irrigation to rural roads.',
      topics: ['economic development', 'rural development'],
      languages: ['ar', 'fr', 'en'],
    },
  },
  'amara.okafor': { position: 'Senior planning officer', startedOn: '2020-11-02' },
};

/** Institutions two demo people said were not listed: pending until an administrator confirms them. */
export const DEMO_PROPOSALS = [
  {
    person: 'valentina.rios',
    name: 'Observatorio Metropolitano del Gran Concepción',
    country: 'CL',
    kind: 'university',
    position: 'Colaboradora',
  },
  {
    person: 'amara.okafor',
    name: 'Enugu Women in Planning Network',
    country: 'NG',
    kind: 'ngo',
    position: 'Founding member',
  },
] as const;

export interface DemoPersonRef {
  email: string;
  country: string;
  organisation: string;
  region: string;
}

export async function seedDemoDirectory(
  app: INestApplicationContext,
  people: readonly DemoPersonRef[],
): Promise<void> {
  const dataSource = app.get(DataSource);
  const regionService = app.get(RegionService);
  const institutions = app.get(InstitutionService);
  const memberships = app.get(MembershipService);
  const profiles = app.get(NetworkProfileService);
  const reader = app.get(DirectoryReader);

  let regionsAdded = 0;
  const regionIds = new Map<string, string>();
  for (const input of DEMO_REGIONS) {
    const found = await dataSource.getRepository(Region).findOne({ where: { slug: input.slug } });
    if (found) regionIds.set(input.slug, found.id);
    else {
      regionIds.set(input.slug, (await regionService.create(input)).id);
      regionsAdded += 1;
    }
  }

  let institutionsAdded = 0;
  const institutionIds = new Map<string, string>();
  const findInstitution = async (name: string, country: string) =>
    institutions.findByExactName(searchKey(name), country, ['active', 'pending', 'archived']);
  for (const spec of DEMO_INSTITUTIONS) {
    const name = spec.names.find((n) => n.type === 'official')?.value as string;
    const found = await findInstitution(name, spec.country);
    if (found) {
      institutionIds.set(name, found.id);
      continue;
    }
    const idOf = (other: string) => {
      const id = institutionIds.get(other);
      if (!id) throw new Error(`Demo institution "${name}" names "${other}", which is not listed before it.`);
      return id;
    };
    const relationships: InstitutionRelationshipInput[] = [
      ...(spec.parent ? [{ type: 'parent' as const, institutionId: idOf(spec.parent) }] : []),
      ...(spec.related ?? []).map((other) => ({ type: 'related' as const, institutionId: idOf(other) })),
    ];
    const created = await institutions.create(
      {
        names: spec.names,
        kind: spec.kind,
        sector: spec.sector,
        country: spec.country,
        regionId: spec.region ? (regionIds.get(spec.region) ?? null) : null,
        website: spec.website ?? null,
        established: spec.established ?? null,
        identifiers: spec.ror ? { ror: spec.ror } : undefined,
        relationships,
        public: true,
      },
      null,
    );
    institutionIds.set(name, created.id);
    institutionsAdded += 1;
  }

  let membershipsAdded = 0;
  let profilesWritten = 0;
  for (const person of people) {
    const user = await dataSource.getRepository(User).findOne({ where: { email: person.email } });
    const member = DEMO_MEMBERS[person.email.split('@')[0]];
    if (!user || !member) continue;
    const institution = await findInstitution(person.organisation, person.country);
    if (!institution) throw new Error(`No demo institution is named "${person.organisation}".`);
    const existing = await dataSource
      .getRepository(Membership)
      .findOne({ where: { userId: user.id, institutionId: institution.id } });
    // A membership the free-text matching made has no position yet; one with a position is the person's own.
    if (!existing || existing.position === null) {
      await memberships.add(user.id, {
        institutionId: institution.id,
        position: member.position,
        startedOn: member.startedOn,
      });
      if (!existing) membershipsAdded += 1;
    }

    const region = await reader.findRegionByName(person.region, person.country);
    const profile = await dataSource.getRepository(NetworkProfile).findOne({ where: { userId: user.id } });
    if (region && !profile?.regionId) await profiles.setRegion(user.id, region.id);
    const untouched = !profile || (!profile.published && profile.bio === null && profile.topics.length === 0);
    if (member.profile && untouched) {
      await profiles.save(user.id, {
        ...member.profile,
        institutionId: institution.id,
        regionId: profile?.regionId ?? region?.id ?? null,
      });
      profilesWritten += 1;
    }
  }

  let proposals = 0;
  for (const proposal of DEMO_PROPOSALS) {
    const user = await dataSource
      .getRepository(User)
      .findOne({ where: { email: `${proposal.person}@aula.example` } });
    if (!user) continue;
    const found = await findInstitution(proposal.name, proposal.country);
    if (
      found &&
      (await dataSource
        .getRepository(Membership)
        .exists({ where: { userId: user.id, institutionId: found.id } }))
    )
      continue;
    await memberships.add(user.id, {
      proposedInstitution: { name: proposal.name, country: proposal.country, kind: proposal.kind },
      position: proposal.position,
    });
    proposals += 1;
  }

  console.log(
    `Demo data: ${regionsAdded} regions, ${institutionsAdded} institutions, ${membershipsAdded} memberships, ` +
      `${profilesWritten} network profiles and ${proposals} proposed institutions added ` +
      `(${DEMO_REGIONS.length} regions and ${DEMO_INSTITUTIONS.length} institutions in the demo).`,
  );
}
