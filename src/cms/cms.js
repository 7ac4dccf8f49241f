// Our additions to Decap CMS, run right after decap-cms.js and before it reads config.yml:
// the Vietnamese strings Decap's own `vi` locale lacks, and the preview of an article as the site
// shows it, in the site's own styles (xem-truoc.css, which site-build writes from the pages' CSS).
(function () {
  'use strict';
  var CMS = window.CMS;
  var h = window.h;
  var here = document.currentScript.src;

  // --- The screens in Vietnamese -------------------------------------------------------------
  // Decap merges a locale over English, so a string its `vi` lacks would show in English. These
  // are those strings (decap-cms 3.16.3), and a few it words awkwardly or wrongly. A browser test
  // checks that no English string is left.
  var vietnamese = {
    auth: {
      loginWithAzure: 'Đăng nhập bằng Azure',
      loginWithForgejo: 'Đăng nhập bằng Forgejo',
    },
    collection: {
      collectionTop: {
        // Decap's "＋" is a character many fonts lack.
        newButton: 'Viết %{collectionLabel} mới',
        viewAs: 'Xem dạng',
        viewAsList: 'Xem dạng danh sách',
        viewAsGrid: 'Xem dạng lưới',
        groupBy: 'Nhóm theo',
      },
      entries: { unpublishedHeader: 'Bài chưa công bố' },
      groups: { other: 'Khác', negateLabel: 'Không phải %{label}' },
    },
    editor: {
      editorControl: { field: { widgetLabel: 'Trường %{widgetLabel}' } },
      editorControlPane: {
        i18n: {
          writingInLocale: 'Đang viết bằng %{locale}',
          copyFromLocale: 'Điền từ ngôn ngữ khác',
          copyFromLocaleConfirm:
            'Bạn có muốn điền nội dung từ ngôn ngữ %{locale}?\nMọi nội dung đang có sẽ bị ghi đè.',
        },
      },
      editorInterface: {
        toggleI18n: 'Bật/tắt đa ngôn ngữ',
        togglePreview: 'Bật/tắt xem trước',
        toggleScrollSync: 'Cuộn đồng bộ',
        toggleNotes: 'Bật/tắt ghi chú',
      },
      editorNotesPane: {
        title: 'Ghi chú',
        emptyState: 'Chưa có ghi chú nào. Thêm ghi chú đầu tiên bên dưới để bắt đầu trao đổi.',
        addNote: 'Thêm ghi chú',
        addPlaceholder: 'Thêm ghi chú...',
        editPlaceholder: 'Sửa ghi chú...',
        save: 'Lưu',
        cancel: 'Huỷ',
        edit: 'Sửa',
        delete: 'Xoá',
        resolve: 'Đánh dấu đã xử lý',
        unresolve: 'Bỏ đánh dấu đã xử lý',
        confirmDelete: 'Bạn có chắc muốn xoá ghi chú này?',
        shortcut: 'Mẹo: nhấn Ctrl+Enter để thêm ghi chú nhanh',
      },
      editorToolbar: {
        status: 'Trạng thái: %{status}',
        statusInfoTooltipDraft:
          'Bài đang là bản nháp. Khi viết xong, hãy chuyển trạng thái sang ‘Đang xét duyệt’ để gửi duyệt.',
        statusInfoTooltipInReview:
          'Bài đang được xét duyệt, bạn không cần làm gì thêm. Bạn vẫn có thể sửa bài trong lúc chờ duyệt.',
      },
      editorWidgets: {
        markdown: {
          bold: 'Đậm',
          italic: 'Nghiêng',
          strikethrough: 'Gạch ngang',
          code: 'Mã',
          link: 'Liên kết',
          linkPrompt: 'Nhập địa chỉ của liên kết',
          headings: 'Tiêu đề',
          quote: 'Trích dẫn',
          bulletedList: 'Danh sách dấu đầu dòng',
          numberedList: 'Danh sách đánh số',
          addComponent: 'Thêm thành phần',
          toggleMode: {
            rich: 'Chuyển sang chế độ soạn thảo trực quan',
            markdown: 'Chuyển sang chế độ Markdown',
          },
        },
        image: {
          chooseMultiple: 'Chọn nhiều ảnh',
          chooseUrl: 'Chèn từ địa chỉ URL',
          replaceUrl: 'Thay bằng địa chỉ URL',
          promptUrl: 'Nhập địa chỉ URL của ảnh',
          addMore: 'Thêm ảnh',
          removeAll: 'Gỡ bỏ mọi ảnh',
        },
        file: {
          chooseUrl: 'Chèn từ địa chỉ URL',
          chooseMultiple: 'Chọn nhiều tệp',
          replaceUrl: 'Thay bằng địa chỉ URL',
          promptUrl: 'Nhập địa chỉ URL của tệp',
          addMore: 'Thêm tệp',
          removeAll: 'Gỡ bỏ mọi tệp',
        },
        datetime: { setToNow: 'Đặt %{fieldLabel} là bây giờ' },
        list: { add: 'Thêm %{item}', addType: 'Thêm %{item}' },
        object: { expand: 'Mở rộng', collapse: 'Thu gọn' },
      },
    },
    mediaLibrary: {
      mediaLibraryCard: {
        copy: 'Sao chép',
        copyUrl: 'Sao chép URL',
        copyPath: 'Sao chép đường dẫn',
        copyName: 'Sao chép tên',
        copied: 'Đã sao chép',
      },
      mediaLibraryModal: {
        close: 'Đóng',
        deleteSelected: 'Xoá mục đã chọn',
        chooseSelected: 'Dùng mục đã chọn',
      },
    },
    ui: {
      settingsDropdown: { account: 'Tuỳ chọn tài khoản' },
      toast: {
        noteAdded: 'Đã thêm ghi chú',
        onFailToAddNote: 'Không thêm được ghi chú: %{details}',
        noteUpdated: 'Đã cập nhật ghi chú',
        onFailToUpdateNote: 'Không cập nhật được ghi chú: %{details}',
        noteDeleted: 'Đã xoá ghi chú',
        onFailToDeleteNote: 'Không xoá được ghi chú: %{details}',
        noteResolved: 'Đã đánh dấu ghi chú là đã xử lý',
        noteReopened: 'Đã mở lại ghi chú',
        onFailToToggleNote: 'Không đổi được trạng thái ghi chú: %{details}',
      },
    },
  };

  function merged(base, extra) {
    var out = {};
    Object.keys(base || {}).forEach(function (key) {
      out[key] = base[key];
    });
    Object.keys(extra).forEach(function (key) {
      var value = extra[key];
      out[key] = typeof value === 'object' ? merged(out[key], value) : value;
    });
    return out;
  }
  CMS.registerLocale('vi', merged(CMS.getLocale('vi'), vietnamese));

  // --- The article preview -------------------------------------------------------------------
  // The same elements and classes as the article page (src/pages/article.rs, components/figure.rs),
  // and its texts as the build publishes them (content::text::plain, content::time::display_vi).
  // A browser test compares this preview with the built page of the same article.
  CMS.registerPreviewStyle(new URL('xem-truoc.css', here).href);

  function plain(value) {
    return String(value == null ? '' : value)
      .normalize('NFC')
      .replace(/\r\n?|[\n\u000b\u000c\u0085\u2028\u2029]/g, '\n')
      .replace(/\t/g, ' ')
      .replace(/\u001e/g, '\u2011')
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufeff]/g, '')
      .trim();
  }

  // `13/08/2023 15:11`: the wall clock of the stored offset, whatever the editor's time zone.
  function shownTime(value) {
    var text = plain(value);
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.exec(text);
    return m ? m[3] + '/' + m[2] + '/' + m[1] + ' ' + m[4] + ':' + m[5] : text;
  }

  // Decap looks for an article's photos in the folder it gives a new article (named after its
  // title), so it does not find those of an article written by hand. Where the site published
  // each photo of the bundle, by its path there, is in anh-tren-trang.json (site-build).
  var photosOnSite;
  function findPhotosOnSite() {
    photosOnSite =
      photosOnSite ||
      fetch(new URL('anh-tren-trang.json', here))
        .then(function (response) {
          return response.ok ? response.json() : {};
        })
        .catch(function () {
          return {};
        });
    return photosOnSite;
  }

  var ArticlePreview = window.createClass({
    getInitialState: function () {
      return { photos: {} };
    },
    componentDidMount: function () {
      var self = this;
      findPhotosOnSite().then(function (photos) {
        if (!self.unmounted) self.setState({ photos: photos });
      });
    },
    componentWillUnmount: function () {
      this.unmounted = true;
    },
    // A photo just uploaded, or found by Decap, is shown as Decap has it; else as the site has it.
    photoUrl: function (image) {
      var url = String(this.props.getAsset(image) || '');
      var onSite = this.state.photos[image];
      return /^(blob|data|https?):/.test(url) || !onSite ? url : new URL('../' + onSite, here).href;
    },
    render: function () {
      var self = this;
      var props = this.props;
      var data = props.entry.get('data');
      var read = function (map, key) {
        return plain(map && map.get(key));
      };
      var renderBlocks = function (list) {
        return (list && list.toArray ? list.toArray() : []).map(function (block, i) {
          var text = read(block, 'text');
          switch (block.get('type')) {
            case 'paragraph':
              return h('p', { key: i }, text);
            case 'heading':
              return h('h2', { key: i, className: 'article__heading' }, text);
            case 'figure': {
              var caption = read(block, 'caption');
              var image = read(block, 'image');
              return h(
                'figure',
                { key: i, className: 'figure' },
                image &&
                  h('img', {
                    className: 'figure__image',
                    src: self.photoUrl(image),
                    alt: read(block, 'alt') || caption,
                  }),
                h('figcaption', { className: 'figure__caption' }, caption),
              );
            }
            case 'file': {
              // The size is the build's to read; the kind is the extension's.
              var file = read(block, 'file');
              return h(
                'p',
                { key: i, className: 'download' },
                h(
                  'a',
                  { className: 'download__link', href: new URL('../content/' + file, here).href },
                  h('span', { className: 'download__label' }, read(block, 'label')),
                  ' ',
                  h('span', { className: 'download__facts' }, '(' + (file.split('.').pop() || '').toUpperCase() + ')'),
                ),
              );
            }
            case 'table': {
              var cells = function (list) {
                return list && list.toArray ? list.toArray().map(plain) : [];
              };
              var tableCaption = read(block, 'caption');
              var rows = block.get('rows');
              return h(
                'div',
                { key: i, className: 'data-table', role: 'region', 'aria-label': tableCaption || 'Bảng', tabIndex: 0 },
                h(
                  'table',
                  { className: 'data-table__table' },
                  tableCaption && h('caption', { className: 'data-table__caption' }, tableCaption),
                  h('thead', null, h('tr', null, cells(block.get('header')).map(function (cell, c) {
                    return h('th', { key: c, scope: 'col' }, cell);
                  }))),
                  h('tbody', null, (rows && rows.toArray ? rows.toArray() : []).map(function (row, r) {
                    return h('tr', { key: r }, cells(row).map(function (cell, c) {
                      return h('td', { key: c }, cell);
                    }));
                  })),
                ),
              );
            }
            default:
              return null;
          }
        });
      };
      // A task's blocks are its summary, then its results once accepted; the organisation's, its
      // functions, its leaders and its history; the rest have a body.
      var collection = props.entry.get('collection');
      var task = collection === 'tasks';
      var organisation = collection === 'organisation';
      var english = collection === 'english_pages' || props.entry.get('slug') === 'to-chuc-en';
      var results = task ? renderBlocks(data.get('results')) : [];
      var leaders = data.get('leaders');
      var blocks = organisation
        ? [
            h('h2', { key: 'functions', className: 'article__heading' }, english ? 'Functions, tasks and powers' : 'Chức năng, nhiệm vụ, quyền hạn'),
            h('div', { key: 'functions-blocks' }, renderBlocks(data.get('functions'))),
            h('h2', { key: 'leaders', className: 'article__heading' }, english ? 'Leadership' : 'Lãnh đạo'),
            h(
              'ul',
              { key: 'leaders-list', className: 'organisation__leaders' },
              (leaders && leaders.toArray ? leaders.toArray() : []).map(function (leader, i) {
                return h('li', { key: i, className: 'leader-card' }, h('h3', { className: 'leader-card__name' }, read(leader, 'name')), h('p', { className: 'leader-card__position' }, read(leader, 'position')));
              }),
            ),
            h('h2', { key: 'history', className: 'article__heading' }, english ? 'History' : 'Lịch sử hình thành'),
            h('div', { key: 'history-blocks' }, renderBlocks(data.get('history'))),
          ]
        : task
        ? [
            h('h2', { key: 'summary', className: 'article__heading' }, 'Mục tiêu và nội dung'),
            h('div', { key: 'summary-blocks' }, renderBlocks(data.get('summary'))),
            results.length > 0 && h('h2', { key: 'results', className: 'article__heading' }, 'Kết quả'),
            h('div', { key: 'results-blocks' }, results),
          ]
        : renderBlocks(data.get('body'));
      var published = read(data, 'published_at');
      var updated = read(data, 'updated_at');
      var signature = read(data, 'signature');
      // Scheduled publishing: an article dated later than now is on no page until a build
      // after its time (site-build holds it back).
      var scheduled = published && Date.parse(published) > Date.now();
      return h(
        'main',
        { className: 'page', lang: english ? 'en' : 'vi' },
        h(
          'div',
          { className: 'container' },
          h(
            'article',
            { className: 'article' },
            scheduled &&
              h(
                'p',
                { className: 'notice', role: 'note' },
                'Hẹn giờ đăng: bài này chưa có trên trang. Bài sẽ xuất hiện ở lần dựng đầu tiên sau ' + shownTime(published) + '.',
              ),
            h('h1', { className: 'article__title' }, organisation ? (english ? 'Organisation' : 'Cơ cấu tổ chức') : read(data, 'title')),
            published && h('p', { className: 'article__meta' }, h('time', { dateTime: published }, shownTime(published))),
            updated && h('p', { className: 'article__meta' }, english ? 'Updated: ' : 'Cập nhật: ', h('time', { dateTime: updated }, shownTime(updated))),
            h('div', { className: 'article__body' }, blocks),
            signature && h('p', { className: 'article__signature' }, signature),
          ),
        ),
      );
    },
  });
  // Articles are listed a year at a time (`articles-<year>`, config.yml), and those not yet in a
  // year folder as `articles`: the same preview for every year an archive can hold.
  CMS.registerPreviewTemplate('articles', ArticlePreview);
  for (var year = 1975; year <= new Date().getFullYear() + 1; year++) {
    CMS.registerPreviewTemplate('articles-' + year, ArticlePreview);
  }
  // A page of pages/ is shown as the site shows it: an article without date or signature.
  CMS.registerPreviewTemplate('pages', ArticlePreview);
  CMS.registerPreviewTemplate('english_pages', ArticlePreview);
  // A procedure: its name and its steps, papers and forms.
  CMS.registerPreviewTemplate('procedures', ArticlePreview);
  // A task: its name, its aims and content, and its results.
  CMS.registerPreviewTemplate('tasks', ArticlePreview);
  // The organisation, a collection of two files, previewed by each file's name.
  CMS.registerPreviewTemplate('to-chuc', ArticlePreview);
  CMS.registerPreviewTemplate('to-chuc-en', ArticlePreview);

  // --- "Tìm bài viết" over the screen ---------------------------------------------------------
  // The finder is a page of its own (`tim-bai-viet/`); opened from its link it shows in a dialog
  // over the screen. Its results link to the article's address on the screen with
  // `target="_top"`: only this page's fragment changes, and Decap, already running, opens the
  // article (about 0.9 s at 25,000 articles) instead of starting again (1.2 s). A link opened in
  // a new tab, or a browser without <dialog>, gets the page itself.
  var finderLink = document.getElementById('tim-bai-viet');
  if (finderLink && typeof HTMLDialogElement === 'function') {
    var finder = document.createElement('dialog');
    finder.className = 'finder';
    finder.setAttribute('aria-labelledby', 'finder-title');
    var bar = document.createElement('div');
    bar.className = 'finder__bar';
    var title = document.createElement('h2');
    title.id = 'finder-title';
    title.className = 'finder__title';
    title.textContent = 'Tìm bài viết';
    var closeFinder = document.createElement('button');
    closeFinder.type = 'button';
    closeFinder.className = 'finder__close';
    closeFinder.textContent = 'Đóng';
    closeFinder.addEventListener('click', function () {
      finder.close();
    });
    bar.append(title, closeFinder);
    var finderFrame = document.createElement('iframe');
    finderFrame.title = 'Tìm bài viết';
    finder.append(bar, finderFrame);
    document.body.append(finder);
    // The keyboard goes to the finder's box ("Từ khóa", `tu-khoa` in src/pages/search.rs), not
    // the header's, once the finder has loaded, and each time it opens.
    var focusSearchBox = function () {
      var box = finderFrame.contentDocument && finderFrame.contentDocument.getElementById('tu-khoa');
      if (!box) return;
      // The frame first, so that its page has the focus, then its box.
      finderFrame.focus();
      box.focus();
    };
    finderFrame.addEventListener('load', function () {
      var page = finderFrame.contentDocument;
      if (!page) return;
      // Only the finder: the site's header, menu and footer lead away from it.
      page.querySelectorAll('.skip-link, .site-header, .site-footer').forEach(function (part) {
        part.hidden = true;
      });
      // Esc closes the dialog from within the frame too, where the focus is.
      finderFrame.contentWindow.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') finder.close();
      });
      // A result chosen, even the article already open (no change of address): the dialog
      // gives way to the screen.
      page.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('a[target="_top"]');
        if (link) finder.close();
      });
      focusSearchBox();
    });
    finderLink.addEventListener('click', function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      // Loaded once: the finder keeps its words and results from one opening to the next.
      if (!finderFrame.getAttribute('src')) finderFrame.src = finderLink.href;
      finder.showModal();
      focusSearchBox();
    });
    window.addEventListener('hashchange', function () {
      if (finder.open) finder.close();
    });
  }
})();
