// Name pools for the screening benchmark: common real names per culture, in their own
// script where they have one, plus syllables for a long tail of rarer surnames. Only
// synthetic people are made from them.

export type Culture = 'RUS' | 'CHN' | 'KOR' | 'ARB' | 'MYS' | 'ENG' | 'DEU' | 'FRA' | 'GRC' | 'IND' | 'VNM' | 'JPN';

/** Share of foreign nationals by culture (roughly Indonesia's mix) and their nationalities. */
export const CULTURES: [Culture, number, string[]][] = [
  ['CHN', 18, ['CHN', 'CHN', 'CHN', 'TWN', 'SGP']],
  ['RUS', 12, ['RUS', 'RUS', 'UKR', 'KAZ', 'BLR']],
  ['KOR', 8, ['KOR']],
  ['ARB', 10, ['SAU', 'EGY', 'YEM', 'IRQ', 'JOR', 'ARE']],
  ['MYS', 8, ['MYS', 'MYS', 'BRN']],
  ['ENG', 14, ['AUS', 'AUS', 'USA', 'GBR', 'NZL', 'CAN']],
  ['DEU', 6, ['DEU', 'NLD', 'AUT', 'CHE']],
  ['FRA', 4, ['FRA', 'BEL']],
  ['GRC', 2, ['GRC', 'CYP']],
  ['IND', 7, ['IND']],
  ['VNM', 5, ['VNM']],
  ['JPN', 6, ['JPN']],
];

const w = (s: string) => s.trim().split(/\s+/);

export const RUS = {
  male: w('Александр Сергей Дмитрий Андрей Алексей Иван Михаил Николай Владимир Евгений Максим Юрий Павел Олег Игорь Виктор Артём Роман Денис Антон Фёдор Григорий Пётр Константин Вячеслав'),
  female: w('Елена Ольга Наталья Татьяна Ирина Светлана Мария Анна Екатерина Юлия Анастасия Ксения Людмила Галина Дарья Полина'),
  surnames: w(
    'Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Фролов Медведев Жуков Щербаков Цветков Чернышёв Журавлёв Хрущёв Шевченко Ковальчук Бондаренко Ткаченко Кравченко Сидоренко Мельник Шевчук',
  ),
  roots: w('Бел Вор Гол Дуб Жар Зим Кур Лип Мед Нос Остр Пуш Руд Сок Тих Хол Цвет Чер Шар Щег Яров Гром Ключ Моск Кисл Лоз Ряб Сух Бур Вяз Бог Вас Глад Дол Ерм Жил Кал Лав Мал Нов Пан Раз Сав Тар Уш Фил Хар Чуд Шил Юр Абр Бар Гус Дем Ефр Зуб Кир Лук Мир Пол Рог Сем Тол Фед Гор Кудр'),
  mids: w('а о е и ы'),
  suffixes: w('ов ев ин ский енко ук цов'),
};

/** Cyrillic to Latin in three common systems: English/passport, German, French. */
const CYR_EN: Record<string, string> = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya' };
const CYR_DE: Record<string, string> = { ...CYR_EN, в: 'w', е: 'e', ё: 'jo', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja' };
const CYR_FR: Record<string, string> = { ...CYR_EN, ж: 'j', й: 'ï', х: 'kh', ц: 'ts', ч: 'tch', ш: 'ch', щ: 'chtch', у: 'ou', ю: 'iou', я: 'ia', ё: 'io' };
const CYR_ICAO: Record<string, string> = { ...CYR_EN, й: 'i', ю: 'iu', я: 'ia', ъ: 'ie' };
export const CYRILLIC_SYSTEMS = { en: CYR_EN, de: CYR_DE, fr: CYR_FR, icao: CYR_ICAO };

export function romaniseCyrillic(s: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    const t = table[lower];
    if (t === undefined) out += ch;
    else out += ch === lower ? t : t.charAt(0).toUpperCase() + t.slice(1);
  }
  // Common endings: -ий/-ый as -y/-i; the English system keeps -iy.
  return out;
}

/** [hanzi, pinyin] */
export const CHN = {
  surnames: pairs('王 Wang 李 Li 张 Zhang 刘 Liu 陈 Chen 杨 Yang 黄 Huang 赵 Zhao 吴 Wu 周 Zhou 徐 Xu 孙 Sun 马 Ma 朱 Zhu 胡 Hu 郭 Guo 何 He 高 Gao 林 Lin 罗 Luo 郑 Zheng 梁 Liang 谢 Xie 宋 Song 唐 Tang 韩 Han 冯 Feng 邓 Deng 曹 Cao 彭 Peng 曾 Zeng 肖 Xiao 田 Tian 董 Dong 袁 Yuan 潘 Pan 蒋 Jiang 蔡 Cai 杜 Du 叶 Ye 程 Cheng 苏 Su 魏 Wei 丁 Ding 任 Ren 沈 Shen'),
  given: pairs('伟 Wei 芳 Fang 娜 Na 敏 Min 静 Jing 丽 Li 强 Qiang 磊 Lei 军 Jun 洋 Yang 勇 Yong 艳 Yan 杰 Jie 娟 Juan 涛 Tao 明 Ming 超 Chao 秀 Xiu 霞 Xia 平 Ping 刚 Gang 英 Ying 华 Hua 玉 Yu 红 Hong 建 Jian 文 Wen 辉 Hui 斌 Bin 宇 Yu 浩 Hao 凯 Kai 晨 Chen 欣 Xin 怡 Yi 婷 Ting 雪 Xue 琳 Lin 鹏 Peng 飞 Fei 龙 Long 小 Xiao 海 Hai 志 Zhi 国 Guo 东 Dong 春 Chun 梅 Mei 嘉 Jia 俊 Jun 子 Zi 思 Si 雨 Yu 佳 Jia 博 Bo 诚 Cheng 达 Da 德 De 峰 Feng 光 Guang 广 Guang 豪 Hao 宏 Hong 鸿 Hong 继 Ji 佳 Jia 金 Jin 锦 Jin 晶 Jing 靖 Jing 康 Kang 可 Ke 坤 Kun 兰 Lan 乐 Le 立 Li 莉 Li 亮 Liang 玲 Ling 璐 Lu 曼 Man 美 Mei 萌 Meng 妮 Ni 宁 Ning 鹏 Peng 琪 Qi 倩 Qian 琴 Qin 青 Qing 庆 Qing 荣 Rong 瑞 Rui 珊 Shan 韶 Shao 胜 Sheng 诗 Shi 爽 Shuang 松 Song 天 Tian 婉 Wan 旺 Wang 维 Wei 薇 Wei 翔 Xiang 笑 Xiao 昕 Xin 馨 Xin 星 Xing 旭 Xu 轩 Xuan 雅 Ya 岩 Yan 燕 Yan 瑶 Yao 轶 Yi 毅 Yi 颖 Ying 永 Yong 悦 Yue 越 Yue 云 Yun 泽 Ze 哲 Zhe 振 Zhen 正 Zheng 智 Zhi 忠 Zhong 卓 Zhuo 梓 Zi'),
};

/** [hangul, spellings with weights] */
export const KOR = {
  surnames: kor('김 Kim:95,Gim:5 이 Lee:80,Yi:10,Rhee:5,I:5 박 Park:90,Pak:6,Bak:4 최 Choi:90,Choe:10 정 Jung:50,Jeong:40,Chung:10 강 Kang:90,Gang:10 조 Cho:80,Jo:20 윤 Yoon:60,Yun:40 장 Jang:70,Chang:30 임 Lim:70,Im:20,Yim:10 한 Han:100 오 Oh:80,O:20 서 Seo:70,Suh:30 신 Shin:80,Sin:20 권 Kwon:85,Gwon:15 황 Hwang:100 안 Ahn:70,An:30 송 Song:100 류 Ryu:50,Yoo:30,Yu:20 홍 Hong:100'),
  syllables: kor('민 Min:100 수 Su:60,Soo:40 영 Young:60,Yeong:40 희 Hee:70,Hui:30 지 Ji:100 현 Hyun:70,Hyeon:30 준 Jun:60,Joon:40 서 Seo:100 연 Yeon:80,Yun:20 은 Eun:100 성 Sung:60,Seong:40 진 Jin:100 우 Woo:70,U:30 혜 Hye:100 정 Jung:50,Jeong:50 호 Ho:100 경 Kyung:60,Gyeong:40 석 Seok:60,Suk:40 철 Chul:60,Cheol:40 동 Dong:100 상 Sang:100 재 Jae:100 하 Ha:100 나 Na:100 규 Kyu:60,Gyu:40 태 Tae:100 아 A:100 빈 Bin:100 원 Won:100 광 Kwang:60,Gwang:40 명 Myung:60,Myeong:40 순 Soon:60,Sun:40 숙 Sook:60,Suk:40 자 Ja:100 미 Mi:100 선 Sun:60,Seon:40 옥 Ok:100 남 Nam:100 건 Gun:50,Geon:50 훈 Hoon:60,Hun:40 용 Yong:100 범 Bum:50,Beom:50 식 Sik:100 일 Il:100 환 Hwan:100 열 Yeol:50,Yul:50 근 Keun:50,Geun:50 덕 Duk:50,Deok:50 봉 Bong:100 찬 Chan:100 주 Joo:50,Ju:50 승 Seung:100 형 Hyung:60,Hyeong:40 효 Hyo:100 란 Ran:100 화 Hwa:100 인 In:100 소 So:100 보 Bo:100 다 Da:100 예 Ye:100 채 Chae:100 혁 Hyuk:60,Hyeok:40 택 Taek:100 창 Chang:100 완 Wan:100'),
};

/** [arabic, latin spellings] */
export const ARB = {
  given: arb('محمد Mohammed,Muhammad,Mohamed,Mohammad,Mohamad أحمد Ahmed,Ahmad علي Ali عمر Omar,Umar خالد Khalid,Khaled عبدالله Abdullah,Abdallah يوسف Yousef,Yusuf,Youssef إبراهيم Ibrahim حسن Hassan,Hasan حسين Hussein,Hussain,Husain مصطفى Mustafa,Mostafa محمود Mahmoud,Mahmud سعيد Saeed,Said طارق Tariq,Tarek فيصل Faisal,Faysal ناصر Nasser,Nasir عبدالرحمن Abdulrahman,Abdul_Rahman,Abd_al-Rahman,Abdelrahman عبدالعزيز Abdulaziz,Abdul_Aziz,Abdelaziz سلمان Salman فهد Fahd,Fahad ماجد Majid,Majed سامي Sami كريم Karim,Kareem جمال Jamal,Gamal'),
  female: arb('فاطمة Fatima,Fatimah عائشة Aisha,Aysha مريم Maryam,Mariam زينب Zainab,Zeinab نور Nour,Noor ليلى Layla,Leila سارة Sara,Sarah هدى Huda,Hoda'),
  families: arb('الحربي Al-Harbi,Alharbi,Al_Harbi,El-Harbi العتيبي Al-Otaibi,Alotaibi,Al-Otaiby القحطاني Al-Qahtani,Alqahtani,Al-Kahtani الشمري Al-Shammari,Alshammari,Al-Shamari الدوسري Al-Dosari,Aldossary,Al-Dawsari الزهراني Al-Zahrani,Alzahrani الغامدي Al-Ghamdi,Alghamdi المطيري Al-Mutairi,Almutairi منصور Mansour,Mansur حداد Haddad خوري Khoury,Khouri عباس Abbas صالح Saleh,Salih البغدادي Al-Baghdadi,Albaghdadi المصري Al-Masri,Elmasry'),
  tailRoots: w('Jab Kha Sha Dar Maj Naj Qas Raf Saq Tam Wah Zub Haz Bak Fal Ans Bur Dah Fay Ghaz Ham Jaz Kab Luq Mah Nab Qar Rum Sab Tah Yam Zah Ash Bash Hil'),
  tailEnds: w('iri ani awi idi ubi ashi ari'),
};

export const MYS = {
  male: w('Muhammad Ahmad Mohd Ali Hafiz Aiman Amir Izzat Haziq Syafiq Azman Ismail Ibrahim Zainal Rosli Faizal Hakim Firdaus Nazri Rizal Azlan Badrul Fadzil Hairul Iskandar Jamaluddin Kamarul Khairul Mazlan Norazman Rashidi Saiful Shahrul Syahmi Taufik Wan Yusri Zulkifli Adam Danial Irfan Luqman Naim Rayyan'),
  female: w('Siti Nur Aisyah Nurul Farah Aina Hidayah Zulaikha Syazwani Amira Liyana Hanis Aishah Balqis Damia Fatin Hajar Intan Khadijah Maisarah Nabila Norliza Rohana Salmah Suhaila Wardah Yasmin Zarina Zuraida'),
};

export const ENG = {
  male: w('James John Robert Michael William David Richard Joseph Thomas Christopher Daniel Matthew Anthony Andrew Joshua Benjamin Samuel Jonathan Nicholas Alexander Patrick Peter Timothy Steven Edward Jack Oliver Liam Noah Ethan'),
  female: w('Mary Elizabeth Jennifer Linda Sarah Jessica Karen Emily Rebecca Katherine Margaret Charlotte Olivia Emma Sophie Grace Chloe Hannah Laura Rachel'),
  surnames: w('Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Kelly Howard Ward Richardson Watson Brooks Wood Bennett Gray Hughes Price Foster McDonald OBrien MacLeod'),
  roots: w('Ash Black Brad Brook Car Dun Fair Hart Kings Lang Mar Nor Red Strat Thorn Whit Wood Blen Hol Craw Ald Barn Bur Chad Dal Eas Fen Gar Hal Ken Lind Mid New Pen Ram Shef Stan Wes Wild Win Yar Ather Bel Cal Cres Dray Ell Grim Hock Lang Mer Ox Pem Rus Sand Tem'),
  suffixes: w('ford ley ton well wood by field worth ham combe more wick son hurst dale bury stone man er'),
};

/** English nicknames as people really use them (not all are in the matcher's table). */
export const NICKNAMES: Record<string, string[]> = {
  William: ['Bill', 'Will'], Robert: ['Bob', 'Rob'], Elizabeth: ['Liz', 'Beth'], Katherine: ['Kate', 'Katie'], Jonathan: ['Jon'],
  Michael: ['Mike'], Christopher: ['Chris'], Alexander: ['Alex'], Daniel: ['Dan', 'Danny'], Matthew: ['Matt'], Nicholas: ['Nick'],
  Anthony: ['Tony'], Joseph: ['Joe'], Benjamin: ['Ben'], Samuel: ['Sam'], Thomas: ['Tom'], James: ['Jim', 'Jimmy'], Richard: ['Rick', 'Dick'],
  Steven: ['Steve'], Jennifer: ['Jenny', 'Jen'], Margaret: ['Peggy', 'Maggie'], Rebecca: ['Becky'], Andrew: ['Andy'], Edward: ['Ted', 'Eddie'],
  Timothy: ['Tim'], Patrick: ['Pat'], Peter: ['Pete'], Joshua: ['Josh'], Jessica: ['Jess'],
};

export const DEU = {
  male: w('Hans Peter Klaus Jürgen Stefan Thomas Michael Andreas Wolfgang Uwe Dieter Lukas Jan Pieter Willem Lars Sven Maximilian'),
  female: w('Sabine Petra Monika Ursula Anja Katrin Sanne Femke Julia Lena Birgit Ingrid'),
  surnames: w('Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Jansen Bakker Visser Smit Meijer Krüger Weiß Groß').concat([
    'van der Berg', 'de Vries', 'van Dijk', 'de Jong', 'de Boer', 'van den Bosch', 'von Braun', 'van der Meer', 'van Beek', 'ter Horst',
  ]),
};

export const FRA = {
  male: w('Jean Pierre Nicolas Julien Antoine Philippe Michel François Louis Laurent Jean-Pierre Jean-Luc Olivier Sébastien'),
  female: w('Marie Sophie Camille Isabelle Nathalie Céline Aurélie Marie-Claire Chloé Émilie'),
  surnames: w('Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François').concat(['de la Fontaine', 'Le Gall', 'du Pont', 'de Villiers']),
};

/** [greek, latin] */
export const GRC = {
  male: pairs('Γεώργιος Georgios Δημήτριος Dimitrios Κωνσταντίνος Konstantinos Ιωάννης Ioannis Νικόλαος Nikolaos Παναγιώτης Panagiotis Βασίλειος Vasileios Χρήστος Christos'),
  female: pairs('Μαρία Maria Ελένη Eleni Αικατερίνη Aikaterini Σοφία Sofia Αναστασία Anastasia'),
  surnames: pairs('Παπαδόπουλος Papadopoulos Παπαδάκης Papadakis Γεωργίου Georgiou Οικονόμου Oikonomou Νικολάου Nikolaou Καραγιάννης Karagiannis Βασιλείου Vasileiou Μακρής Makris Παππάς Pappas Αθανασίου Athanasiou'),
};

export const IND = {
  male: w('Rahul Amit Sanjay Vijay Rajesh Sunil Deepak Arjun Ravi Suresh Ramesh Mohan Krishna Arun Anil Manoj Ashok Vikram Aditya Akash Gaurav Harish Karthik Naveen Pradeep Rohit Sachin Vinod Abhishek Nikhil Prakash Sandeep Tarun Varun'),
  female: w('Priya Anjali Pooja Neha Lakshmi Kavita Sunita Anita Deepika Shreya Divya Aishwarya Bhavna Geeta Jyoti Meera Nandini Radha Rekha Sapna Swati Usha'),
  surnames: w('Sharma Verma Gupta Singh Kumar Patel Shah Reddy Rao Nair Iyer Mehta Joshi Desai Chopra Malhotra Kapoor Agarwal Bose Das Mukherjee Banerjee Chatterjee Pillai Menon Chowdhury Bhatt Saxena Trivedi Pandey Mishra Tiwari Yadav Jain Naidu Kulkarni Bhat Ghosh Sen Dutta Kaur Gill Sethi Arora Bajaj Khanna'),
};

export const VNM = {
  surnames: w('Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương Lâm Mai Cao Hà Tạ'),
  middles: w('Văn Thị Đức Minh Ngọc Thanh Hữu Quốc'),
  given: w('Anh Linh Hương Hùng Tuấn Dũng Hải Long Nam Phương Thảo Trang Lan Mai Hoa Quang Khánh Duy Tâm Sơn Bảo Cường Đạt Giang Hạnh Hiếu Hòa Huy Khoa Kiên Lâm Lộc Nga Nhung Phong Phúc Quân Quyên Thắng Thủy Tiến Toàn Trung Vân Việt Xuân Yến'),
};

export const JPN = {
  surnames: w('Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa Ogawa Okada Goto Kondo Saito Maeda Fujita Endo Aoki Sakamoto Murakami Ota Kaneko Fujii Fukuda Nishimura Miura Takeuchi Nakajima Okamoto Matsuda Harada Nakano Ono Tamura'),
  given: w('Hiroshi Takashi Kenji Yuki Akira Daisuke Yusuke Shota Haruto Sota Yuto Kaito Yui Sakura Aoi Hina Yuna Mei Emi Keiko Yoko Tomoko Kazuo Taro Ichiro Yuta Ryota Kohei Shohei Yoshiko Naoki Takumi Tsubasa Hayato Ren Riku Kenta Makoto Masato Noriko Ayaka Misaki Nanami Rina Saki Chihiro Haruka Kana'),
};

function pairs(s: string): [string, string][] {
  const t = w(s);
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < t.length; i += 2) out.push([t[i], t[i + 1]]);
  return out;
}

function kor(s: string): [string, [string, number][]][] {
  return pairs(s).map(([h, v]) => [h, v.split(',').map((x) => { const [n, p] = x.split(':'); return [n, Number(p)] as [string, number]; })]);
}

function arb(s: string): [string, string[]][] {
  return pairs(s).map(([a, v]) => [a, v.split(',').map((x) => x.replace(/_/g, ' '))]);
}
