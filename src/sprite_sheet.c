/* work in progress (png) */
typedef int sk_placeholder_sprite_sheet_;
