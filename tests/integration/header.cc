// precis.h compiles as C++ and links from C++.
#include <precis.h>

int main()
{
	precis_options o = PRECIS_OPTIONS_INIT;
	precis_doc *d = nullptr;
	int rc = precis_doc_new(&d, "One sentence.", 13, &o);
	precis_doc_free(d);
	return rc == PRECIS_OK ? 0 : 1;
}
