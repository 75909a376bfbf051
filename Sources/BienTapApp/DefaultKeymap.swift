// Generated from Keymaps/default.keymap by `make keymaps`; a test keeps the two equal.
enum DefaultKeymap {
    static let text = #"""
# bientap default key bindings.
#
# Syntax:  bind <context> <key> [<key> …] <action>
#          unbind <context> <key> [<key> …]
# Contexts: global (every screen unless a screen binds the same keys),
#           queue, reader, help, editor, merge, duty, royalties, activity, social. In the editor a letter, digit or
#           sign is always text: bind Control, Alt and named keys there.
# Keys: letters as typed (j, G, ?), or names: <Enter> <Esc> <Tab> <Space> <BS>
#       <Up> <Down> <Left> <Right> <Home> <End> <PgUp> <PgDn> <F1>…<F12>
#       <C-x> (Control) <M-x> (Alt) <C-Space>. Several keys make a sequence: g g.
# Copy this file to ~/.config/bientap/keymap and change what you like, or
# start from Keymaps/vim.keymap or Keymaps/emacs.keymap. `bientap keys --list`
# prints the bindings in force; `bientap keys --check FILE` checks a file.

# Moving around, in every list and text view
bind global j       move-down
bind global <Down>  move-down
bind global k       move-up
bind global <Up>    move-up
bind global <PgDn>  page-down
bind global <Space> page-down
bind global <C-f>   page-down
bind global <PgUp>  page-up
bind global <C-b>   page-up
bind global g       first
bind global <Home>  first
bind global G       last
bind global <End>   last

# Screens
bind global ?       help
bind global <F1>    help
bind global q       back
bind global <Esc>   back
bind global r       refresh
bind global <C-l>   redraw
bind global :       palette
bind global <C-p>   palette
bind global <C-z>   suspend

# Queue
bind queue <Enter>  open
bind queue l        open
bind queue <Right>  open
bind queue Q        quit
bind global <C-c>   quit
bind global /       search
bind global n       search-next
bind global N       search-previous
bind queue f        filter
bind queue F        filter-form
bind queue <Tab>    next-tab
bind queue ]        next-tab
bind queue <S-Tab>  previous-tab
bind queue [        previous-tab
bind queue s        sort
bind queue t        toggle-mark
bind queue T        toggle-mark-all

bind queue e        edit
bind queue D        duty
# Decisions, on the queue's row or in the reader
bind queue a       approve
bind queue R       return
bind queue X       reject
bind queue S       schedule
bind queue P       publish
bind reader a       approve
bind reader R       return
bind reader X       reject
bind reader S       schedule
bind reader P       publish
# Reader
bind reader d       differences
bind reader v       compare-revisions
bind reader e       edit
bind reader c       add-note
bind reader <F7>    next-finding
bind reader <F6>    previous-finding
bind reader <F8>    fix-finding
# Duty view (Trực)
bind duty <Enter>   open
bind duty S         schedule
bind duty P         publish
# The accountant's screen (nhuận bút) and the yearly activity report
bind queue K             royalties
bind queue B             activity-report
bind royalties <Enter>   open
bind royalties [         previous-month
bind royalties ]         next-month
bind royalties <Left>    previous-month
bind royalties <Right>   next-month
bind royalties m         go-to-month
bind royalties <Tab>     next-site
bind royalties <S-Tab>   previous-site
bind royalties C         close-month
bind royalties P         record-payment
bind royalties E         export-payment-list
bind royalties B         activity-report
bind activity [          previous-year
bind activity ]          next-year
bind activity <Left>     previous-year
bind activity <Right>    next-year
bind activity y          go-to-year
bind activity K          royalties
# The social queue (Zalo OA, Facebook Page)
bind queue M             social-queue
bind duty M              social-queue
bind social <Enter>      open
bind social <Tab>        next-state
bind social ]            next-state
bind social <S-Tab>      previous-state
bind social [            previous-state
bind social c            next-channel
bind social R            retry-post
bind social X            cancel-post
bind social V            resolve-post
bind social e            edit-post-text
# Merge view: someone saved the item while you edited it
bind merge n        next-hunk
bind merge <Tab>    next-hunk
bind merge p        previous-hunk
bind merge <S-Tab>  previous-hunk
bind merge t        take-theirs
bind merge m        take-mine
bind merge b        take-both
bind merge c        take-combined
bind merge <Enter>  apply-merge

# Editor: arrows and the usual keys of desktop editors
bind editor <Left>   cursor-left
bind editor <Right>  cursor-right
bind editor <Up>     cursor-up
bind editor <Down>   cursor-down
bind editor <M-b>    word-left
bind editor <M-f>    word-right
bind editor <Home>   line-start
bind editor <End>    line-end
bind editor <M-<>    document-start
bind editor <M->>    document-end
bind editor <PgUp>   page-up
bind editor <PgDn>   page-down
bind editor <BS>     delete-backward
bind editor <Del>    delete-forward
bind editor <C-w>    delete-word-backward
bind editor <C-k>    delete-to-line-end
bind editor <Enter>  newline
bind editor <C-z>    undo
bind editor <C-y>    redo
bind editor <C-Space> toggle-selection
bind editor <C-a>    select-all
bind editor <Esc>    clear-selection
bind editor <C-x>    cut
bind editor <C-c>    copy
bind editor <C-v>    paste
bind editor <C-t>    cycle-input-method
bind editor <C-s>    save
bind editor <C-f>    search
bind editor <F3>     search-next
bind editor <M-n>    search-next
bind editor <M-p>    search-previous
bind editor <C-r>    replace
bind editor <C-g>    go-to-line
bind editor <F4>     external-editor
bind editor <F7>     next-finding
bind editor <F6>     previous-finding
bind editor <F8>     fix-finding
bind editor <M-e>    external-editor
bind editor <C-q>    back
bind editor <M-z>    suspend
"""#
}
