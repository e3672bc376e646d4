;; The Emacs (eglot) set-up from docs/editors.md, with the server path from $DATELINE_SERVER.
(require 'eglot)
(define-derived-mode news-mode text-mode "News"
  "Major mode for news articles analysed by Dateline.")
(add-to-list 'auto-mode-alist '("\\.\\(news\\|article\\)\\'" . news-mode))
(add-to-list 'eglot-server-programs
             `((news-mode text-mode) . ("node" ,(getenv "DATELINE_SERVER") "--stdio")))
(add-hook 'news-mode-hook #'eglot-ensure)
