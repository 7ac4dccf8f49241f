#!/usr/bin/env node
// Writes a synthetic content bundle of N articles, for the paging tests and the archive-scale
// benchmark. Deterministic: the same N and seed give the same bundle.
//
//   node tests/tools/generate-bundle.mjs <N> <output folder> [--seed 7] [--years 2022-2024] [--flat]
//
// Articles are spread over 2014–2024 at random, or evenly over the years of --years (N/years
// each); each is saved in its year's folder, `articles/<year>/`, or directly in `articles/` with
// --flat (an archive not yet sorted by year).
//
// The site identity and three photos are copied from the seed bundle; the articles are made of
// real Vietnamese words, with diacritics, so that search behaves as on the real archive.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [countArg, outArg, ...rest] = process.argv.slice(2);
if (!countArg || !outArg) {
  console.error('usage: generate-bundle.mjs <N> <output folder> [--seed S] [--years FIRST-LAST] [--flat]');
  process.exit(2);
}
const count = Number(countArg);
const out = path.resolve(outArg);
const seedIndex = rest.indexOf('--seed');
let state = seedIndex >= 0 ? Number(rest[seedIndex + 1]) : 7;
const yearsIndex = rest.indexOf('--years');
const [firstYear, lastYear] = yearsIndex >= 0 ? rest[yearsIndex + 1].split('-').map(Number) : [];
const flat = rest.includes('--flat');
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// mulberry32: small, fast, deterministic.
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + Math.floor(random() * (high - low + 1));

const subjects = ['Sở Khoa học và Công nghệ', 'UBND quận Ninh Kiều', 'Hội đồng khoa học', 'Trung tâm Ứng dụng tiến bộ khoa học',
  'Chi cục Tiêu chuẩn Đo lường Chất lượng', 'Trường Đại học Cần Thơ', 'các doanh nghiệp khởi nghiệp', 'Huyện Cờ Đỏ', 'Huyện Phong Điền',
  'Quận Bình Thủy', 'Hội Nông dân thành phố', 'Liên hiệp các Hội khoa học', 'Viện Lúa Đồng bằng sông Cửu Long'];
const verbs = ['tổ chức', 'triển khai', 'nghiệm thu', 'đánh giá', 'hướng dẫn', 'kiểm tra', 'ký kết', 'tập huấn', 'khảo sát', 'công bố'];
const objects = ['đề tài nghiên cứu', 'mô hình ứng dụng', 'hội thảo chuyên đề', 'chương trình đổi mới sáng tạo', 'tiêu chuẩn chất lượng',
  'sáng kiến cải tiến', 'hệ thống truy xuất nguồn gốc', 'dự án chuyển đổi số', 'nhiệm vụ khoa học cấp thành phố', 'quy trình canh tác lúa',
  'giống cây trồng mới', 'năng lượng tái tạo', 'sở hữu trí tuệ', 'an toàn bức xạ', 'đo lường thử nghiệm'];
const places = ['tại Cần Thơ', 'tại hội trường Sở', 'trên địa bàn thành phố', 'ở vùng Đồng bằng sông Cửu Long', 'tại huyện Thới Lai',
  'tại quận Ô Môn', 'tại Khu công nghệ cao', 'tại xã Thạnh Phú'];
const fillers = ['Buổi làm việc diễn ra trong không khí cởi mở', 'Các đại biểu đã trao đổi và thảo luận nhiều vấn đề thiết thực',
  'Kết quả bước đầu cho thấy hiệu quả kinh tế rõ rệt', 'Lãnh đạo Sở đề nghị các đơn vị tăng cường phối hợp',
  'Nhiều doanh nghiệp bày tỏ mong muốn được hỗ trợ kỹ thuật', 'Chương trình góp phần nâng cao năng lực cạnh tranh của địa phương',
  'Người dân được hướng dẫn áp dụng tiến bộ khoa học vào sản xuất', 'Đoàn công tác ghi nhận những kết quả đạt được trong năm qua',
  'Các chuyên gia đánh giá cao tính ứng dụng của sản phẩm', 'Thời gian tới, Sở sẽ tiếp tục theo dõi và hỗ trợ triển khai'];

function sentence() {
  return `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(places)}. ${pick(fillers)}.`;
}
function paragraph() {
  return Array.from({ length: between(2, 5) }, sentence).join(' ');
}

const site = JSON.parse(fs.readFileSync(path.join(repo, 'public/content/site.json'), 'utf8'));
const seedImages = path.join(repo, 'public/content/images/lam-viec-voi-ubnd-huyen-co-do-2023');

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'articles'), { recursive: true });
fs.mkdirSync(path.join(out, 'images'), { recursive: true });
fs.writeFileSync(path.join(out, 'site.json'), JSON.stringify(site, null, 2));
// The seed's pages, which its menu names.
fs.cpSync(path.join(repo, 'public/content/pages'), path.join(out, 'pages'), { recursive: true });
for (const n of [1, 2, 3]) fs.copyFileSync(path.join(seedImages, `anh-${n}.png`), path.join(out, `images/anh-${n}.png`));

const start = Date.UTC(2014, 0, 1);
const span = Date.UTC(2024, 11, 31) - start;
const pad = (n, width = 2) => String(n).padStart(width, '0');
let previous = null;
for (let i = 1; i <= count; i++) {
  // Vietnam time, written with its offset; every tenth article shares its time with the one
  // before, so that ties (broken by slug) occur.
  let at;
  if (firstYear) {
    // Evenly: the i-th article in year first + (i - 1) mod years, at a random time of it.
    const year = firstYear + ((i - 1) % (lastYear - firstYear + 1));
    const from = Date.UTC(year, 0, 1);
    at = new Date(from + Math.floor(random() * (Date.UTC(year, 11, 31) - from)) + 7 * 3600 * 1000);
  } else {
    at = i % 10 === 0 && previous ? previous : new Date(start + Math.floor(random() * span) + 7 * 3600 * 1000);
  }
  previous = at;
  const published = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:00+07:00`;
  const body = [{ type: 'paragraph', text: paragraph() }];
  const figures = between(0, 3);
  for (let f = 0; f < figures; f++) {
    body.push({ type: 'figure', image: `images/anh-${between(1, 3)}.png`, caption: sentence() });
    body.push({ type: 'paragraph', text: paragraph() });
  }
  if (random() < 0.3) body.push({ type: 'heading', text: `${pick(verbs)} ${pick(objects)}` }, { type: 'paragraph', text: paragraph() });
  const article = {
    title: `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(places)} (tin ${i})`,
    published_at: published,
    category: site.categories[i % site.categories.length].slug,
    body,
    signature: pick(['Sở KH&CN TP. Cần Thơ', 'Phòng Quản lý Khoa học', 'Trung tâm Thông tin']),
  };
  const folder = flat ? path.join(out, 'articles') : path.join(out, 'articles', String(at.getUTCFullYear()));
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, `tin-tong-hop-${pad(i, 5)}.json`), JSON.stringify(article, null, 2));
}
console.log(`wrote ${count} articles to ${out}`);
