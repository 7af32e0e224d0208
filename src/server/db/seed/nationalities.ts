import { pick, randInt, type Rng } from '../../../domain/random';

// Synthetic-name material per nationality: common surnames and given names only, combined at
// random, so no generated guest is a real person. Weights are a rough picture of foreigners
// reported in South Sulawesi (workers from China, tourists from Malaysia, Australia and
// Europe, Timor-Leste students). German passports carry 'D' as issuing state and nationality,
// as their MRZ does.

export interface NationalityProfile {
  code: string;
  weight: number;
  asean: boolean;
  surnames: readonly string[];
  male: readonly string[];
  female: readonly string[];
  passportNumber(rng: Rng): string;
}

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => String(randInt(rng, 0, 9))).join('');
const letters = (rng: Rng, n: number, from = LETTERS) => Array.from({ length: n }, () => pick(rng, [...from])).join('');

export const NATIONALITIES: readonly NationalityProfile[] = [
  {
    code: 'CHN', weight: 22, asean: false,
    surnames: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun'],
    male: ['Wei', 'Jun', 'Hao', 'Lei', 'Qiang', 'Jian', 'Bo', 'Tao', 'Zhiwei', 'Yong'],
    female: ['Fang', 'Min', 'Jing', 'Lina', 'Xiuying', 'Yan', 'Hui', 'Mei'],
    passportNumber: (rng) => `E${digits(rng, 8)}`,
  },
  {
    code: 'MYS', weight: 14, asean: true,
    surnames: ['Abdullah', 'Ismail', 'Rahman', 'Hassan', 'Ibrahim', 'Tan', 'Lim', 'Wong', 'Osman'],
    male: ['Ahmad Faiz', 'Muhammad Hafiz', 'Mohd Azlan', 'Amirul', 'Wei Ming', 'Syafiq'],
    female: ['Nurul Aina', 'Siti Aisyah', 'Nur Izzati', 'Farah', 'Mei Ling', 'Aishah'],
    passportNumber: (rng) => `A${digits(rng, 8)}`,
  },
  {
    code: 'AUS', weight: 8, asean: false,
    surnames: ['Smith', 'Jones', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Nguyen', 'Martin', 'Kelly'],
    male: ['Jack', 'Oliver', 'James', 'Lachlan', 'Thomas', 'Noah'],
    female: ['Charlotte', 'Olivia', 'Chloe', 'Emily', 'Isla', 'Matilda'],
    passportNumber: (rng) => `P${letters(rng, 1)}${digits(rng, 7)}`,
  },
  {
    code: 'NLD', weight: 8, asean: false,
    surnames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer'],
    male: ['Daan', 'Sem', 'Lucas', 'Bram', 'Thijs', 'Jeroen', 'Pieter'],
    female: ['Emma', 'Sanne', 'Fleur', 'Lotte', 'Anouk', 'Femke'],
    passportNumber: (rng) => `${letters(rng, 2)}${letters(rng, 6, `${LETTERS}0123456789`)}${digits(rng, 1)}`,
  },
  {
    code: 'USA', weight: 6, asean: false,
    surnames: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Anderson', 'Thompson', 'Moore'],
    male: ['Michael', 'David', 'Christopher', 'Daniel', 'Ryan', 'Matthew'],
    female: ['Jennifer', 'Jessica', 'Ashley', 'Sarah', 'Emily', 'Megan'],
    passportNumber: (rng) => `${randInt(rng, 5, 6)}${digits(rng, 8)}`,
  },
  {
    code: 'JPN', weight: 6, asean: false,
    surnames: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura'],
    male: ['Haruto', 'Takashi', 'Kenji', 'Hiroshi', 'Daiki', 'Shota'],
    female: ['Yui', 'Aoi', 'Sakura', 'Yuki', 'Haruka', 'Misaki'],
    passportNumber: (rng) => `T${letters(rng, 1)}${digits(rng, 7)}`,
  },
  {
    code: 'KOR', weight: 6, asean: false,
    surnames: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon'],
    male: ['Minjun', 'Seojun', 'Jihoon', 'Hyunwoo', 'Dongha', 'Sungmin'],
    female: ['Seoyeon', 'Jiwoo', 'Minji', 'Yuna', 'Hayoon', 'Soyeon'],
    passportNumber: (rng) => `M${digits(rng, 8)}`,
  },
  {
    code: 'D', weight: 5, asean: false,
    surnames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker'],
    male: ['Lukas', 'Jonas', 'Felix', 'Maximilian', 'Tobias', 'Jürgen'],
    female: ['Anna', 'Lena', 'Katharina', 'Sophie', 'Julia', 'Jana'],
    // German numbers use digits and the consonants C F G H J K L M N P R T V W X Y Z.
    passportNumber: (rng) => `C${letters(rng, 8, 'CFGHJKLMNPRTVWXYZ0123456789')}`,
  },
  {
    code: 'FRA', weight: 5, asean: false,
    surnames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand'],
    male: ['Hugo', 'Louis', 'Gabriel', 'Arthur', 'Mathieu', 'Julien'],
    female: ['Camille', 'Léa', 'Chloé', 'Manon', 'Inès', 'Élodie'],
    passportNumber: (rng) => `${digits(rng, 2)}${letters(rng, 2)}${digits(rng, 5)}`,
  },
  {
    code: 'GBR', weight: 5, asean: false,
    surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Roberts'],
    male: ['Oliver', 'Harry', 'George', 'Charlie', 'William', 'Alfie'],
    female: ['Amelia', 'Olivia', 'Emily', 'Grace', 'Sophie', 'Poppy'],
    passportNumber: (rng) => `${randInt(rng, 1, 9)}${digits(rng, 8)}`,
  },
  {
    code: 'IND', weight: 4, asean: false,
    surnames: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair'],
    male: ['Rahul', 'Arjun', 'Vikram', 'Sanjay', 'Amit', 'Rohan'],
    female: ['Priya', 'Ananya', 'Kavya', 'Deepika', 'Sneha', 'Pooja'],
    passportNumber: (rng) => `${letters(rng, 1)}${digits(rng, 7)}`,
  },
  {
    code: 'SGP', weight: 4, asean: true,
    surnames: ['Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Goh', 'Chua', 'Teo'],
    male: ['Wei Jie', 'Jun Hao', 'Kai Wen', 'Zhi Hao', 'Ryan'],
    female: ['Hui Min', 'Xin Yi', 'Jia Hui', 'Shu Ting', 'Rachel'],
    passportNumber: (rng) => `K${digits(rng, 7)}${letters(rng, 1)}`,
  },
  {
    code: 'PHL', weight: 4, asean: true,
    surnames: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Torres'],
    male: ['Jose', 'Mark Anthony', 'John Paul', 'Carlo', 'Miguel'],
    female: ['Maria Cristina', 'Angelica', 'Kristine', 'Jasmine', 'Mary Grace'],
    passportNumber: (rng) => `P${digits(rng, 7)}${letters(rng, 1)}`,
  },
  {
    code: 'TLS', weight: 3, asean: true,
    surnames: ['da Silva', 'Soares', 'Pereira', 'Ximenes', 'Guterres', 'dos Santos', 'Belo', 'Amaral'],
    male: ['João', 'Agostinho', 'Domingos', 'Francisco', 'Mário'],
    female: ['Maria', 'Ana', 'Joana', 'Rosa', 'Filomena'],
    passportNumber: (rng) => `R${digits(rng, 7)}`,
  },
  {
    code: 'THA', weight: 2, asean: true,
    surnames: ['Saetang', 'Srisuk', 'Wongsawat', 'Chaiyaporn', 'Rattanakorn', 'Thongdee'],
    male: ['Somchai', 'Anan', 'Niran', 'Kittisak'],
    female: ['Siriporn', 'Nattaya', 'Kanya', 'Pimchanok'],
    passportNumber: (rng) => `${letters(rng, 2)}${digits(rng, 7)}`,
  },
];

export const NATIONALITY_BY_CODE = new Map(NATIONALITIES.map((n) => [n.code, n]));
