headline: $headline$
$for(summary)$
summary: $summary$
$endfor$
$for(keywords)$
keyword: $keywords$
$endfor$
abstract: $abstract$
