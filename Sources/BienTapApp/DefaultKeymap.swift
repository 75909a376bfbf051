// Generated from Keymaps/default.keymap by `make keymaps`; a test keeps the two equal.
enum DefaultKeymap {
    static let text = #"""
# bientap default key bindings.
#
# Syntax:  bind <context> <key> [<key> …] <action>
#          unbind <context> <key> [<key> …]
# Contexts: global (every screen unless a screen binds the same keys),
#           queue, reader, help.
# Keys: letters as typed (j, G, ?), or names: <Enter> <Esc> <Tab> <Space> <BS>
#       <Up> <Down> <Left> <Right> <Home> <End> <PgUp> <PgDn> <F1>…<F12>
#       <C-x> (Control) <M-x> (Alt). Several keys make a sequence: g g.
# Copy this file to ~/.config/bientap/keymap and change what you like;
# `bientap --help` lists the actions.

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

# Queue
bind queue <Enter>  open
bind queue l        open
bind queue <Right>  open
bind queue Q        quit
bind global <C-c>   quit
"""#
}
