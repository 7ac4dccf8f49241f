// The release builds the browser tests run against (made by build-sites.sh), and the servers
// that host them.
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const built = (name: string) => path.join(repo, 'target/e2e-sites', name);
// Every host but Python's sends the headers of the build's `_headers`: the tests run under the
// site's real Content-Security-Policy (Python's host, which sends none, under its <meta> form).
const server = (root: string, port: number, extra = '') =>
  `node ${path.join(__dirname, 'static-server.mjs')} --root ${root} --port ${port} --security-headers ${extra}`;

export const SITES = {
  /** The seed bundle, on Python's http.server: the dumbest static host there is. */
  seed: {
    url: 'http://127.0.0.1:4301/',
    command: `python3 -m http.server 4301 --bind 127.0.0.1 --directory ${path.join(repo, 'dist')}`,
  },
  /** The same build on a host with 404.html for missing paths, as GitHub Pages or S3 do. */
  seedWith404: { url: 'http://127.0.0.1:4302/', command: server(path.join(repo, 'dist'), 4302) },
  /** The same build on a host that answers every unknown path with index.html (trunk serve). */
  seedSpa: { url: 'http://127.0.0.1:4303/', command: server(path.join(repo, 'dist'), 4303, '--spa') },
  /** A bundle whose text looks like HTML. */
  literal: { url: 'http://127.0.0.1:4304/', command: server(built('literal'), 4304) },
  /** The seed built with --public-url /tin-tuc/ and served under that prefix. */
  subPath: { url: 'http://127.0.0.1:4305/tin-tuc/', command: server(built('tin-tuc'), 4305, '--prefix /tin-tuc/') },
  /** The portal built with --public-url /tin-tuc/ and served under that prefix. */
  portalSubPath: { url: 'http://127.0.0.1:4315/tin-tuc/', command: server(built('portal-tin-tuc'), 4315, '--prefix /tin-tuc/') },
  /** 25 generated articles (tests/tools/generate-bundle.mjs), for paging. */
  many: { url: 'http://127.0.0.1:4306/', command: server(built('many'), 4306) },
  /** The seed build again, for the editors' screen at /quan-tri/ (tests/e2e/specs/cms.spec.ts). */
  cms: { url: 'http://127.0.0.1:4307/', command: server(path.join(repo, 'dist'), 4307) },
  /** An article with a table and a download (tests/fixtures/portal). */
  portal: { url: 'http://127.0.0.1:4308/', command: server(built('portal'), 4308) },
  /** Three years × 20 articles, directly in articles/, built before a scheduled article's time
   * (build-sites.sh). */
  archiveFlat: { url: 'http://127.0.0.1:4310/', command: server(built('archive-flat'), 4310) },
  /** The same sorted into year folders by `site-build sort-by-year`, built after that time. */
  archive: { url: 'http://127.0.0.1:4311/', command: server(built('archive'), 4311) },
  /** The seed with a notice (tests/fixtures/notice.json), built before its window, with
   * --public-url /tin-tuc/ and served under that prefix. */
  notice: { url: 'http://127.0.0.1:4313/tin-tuc/', command: server(built('notice'), 4313, '--prefix /tin-tuc/') },
  /** The 25 articles of `many` built, then one retitled, one added and one deleted, published
   * into that build in place by `site-build publish` (build-sites.sh). */
  published: { url: 'http://127.0.0.1:4314/', command: server(built('published'), 4314) },
  /** The literal-text bundle in a template hostile to an HTML reader (tests/fixtures/hostile-template). */
  hostile: { url: 'http://127.0.0.1:4309/', command: server(built('hostile'), 4309) },
};

export const SEED_SLUG = 'lam-viec-voi-ubnd-huyen-co-do-2023';
export const SEED_TITLE =
  'Sở Khoa học và Công nghệ TP. CầnThơ làm việc với UBND huyện Cở Đỏ về việc triển khai các hoạt động khoa học và công nghệ trên địa bàn huyện 2023';
export const SEED_CAPTIONS = [
  'Toàn cảnh buổi làm việc',
  // The publisher's text has no-break spaces in these two captions; they are kept verbatim.
  'Đồng chí\u00a0Trần Đông Phương An – Phó giám đốc Sở Khoa học và Công nghệ TP. Cần Thơ phát biểu chỉ đạo tại buổi làm việc',
  'Lãnh đạo các phòng chức năng,\u00a0các đơn vị trực thuộc Sở và các nhà khoa học từ các trường đại học',
  'Đồng chí Lê Chí Phương - Phó chủ tịch UBND huyện Cờ Đỏ phát biểu tại buổi làm việc',
  'Lãnh đạo các phòng chức năng và các doanh nghiệp của huyện Cờ Đỏ',
];
export const SEED_FOOTER = {
  copyright: 'Bản quyền @ 2017 thuộc về Sở Khoa học và Công nghệ thành phố Cần Thơ',
  address: 'Số 02, Lý Thường kiệt, phường Tân An, quận Ninh Kiều, thành phố Cần Thơ',
  phone: '0292.3820674',
  fax: '0292.3821471',
  email: 'sokhcn@cantho.gov.vn',
  editorInChief: 'Ông Trần Đông Phương An - Phó Giám đốc Sở Khoa học và Công nghệ thành phố Cần Thơ',
  disclaimer: 'Cổng thông tin Sở Khoa học và Công nghệ không chịu trách nhiệm với nội dung các đường link liên kết bên ngoài',
};
