DROP TABLE slow_big;
RENAME TABLE `slow_marker` TO `_covet_dropped_slow_marker`;
DROP TABLE `_covet_dropped_slow_marker`;
